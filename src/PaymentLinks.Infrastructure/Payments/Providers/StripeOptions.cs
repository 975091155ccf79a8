namespace PaymentLinks.Infrastructure.Payments.Providers;

public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>Where Stripe's API answers: Stripe itself, or (in tests) a fake that speaks its protocol on loopback.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>The SDK's own retries of a call Stripe did not answer or answered 5xx/429, before our worker's.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>How long a customer has on Stripe's page; Stripe allows 30 minutes to 24 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often sessions left open past their expiry, and captures not yet confirmed, are asked about.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a signed event may be (Stripe's own default): an older one is refused as a possible replay.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
