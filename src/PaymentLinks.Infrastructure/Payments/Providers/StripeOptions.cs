namespace PaymentLinks.Infrastructure.Payments.Providers;

public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>Where Stripe's API answers: Stripe itself, or (in tests) a fake that speaks its protocol on loopback.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>The SDK's own retries of a call Stripe did not answer or answered 5xx/429, before our worker's.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>
    /// How long a customer has on Stripe's page at least (up to five minutes more: the expiry is counted from the end of
    /// the idempotency window, see <see cref="StripeCheckout"/>). Stripe allows 30 minutes to 24 hours; one minute above
    /// its floor keeps a slow request or a clock a little ahead from being refused.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(31);

    /// <summary>How often pending payments of links that stopped taking payments, and sessions past their expiry, are asked about.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a signed event may be (Stripe's own default): an older one is refused as a possible replay.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
