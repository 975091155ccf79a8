namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>
/// A merchant's Stripe account for one mode: live mode takes real money through it; test mode, when connected with
/// Stripe's test keys, pays through Stripe's test cards instead of the sandbox bank. The keys are kept encrypted with
/// Data Protection, never shown again; Stripe's events for it arrive at a URL of its own (<see cref="WebhookToken"/>).
/// </summary>
public sealed class StripeConnection
{
    public const int AccountMaxLength = 255;
    public const int ProblemMaxLength = 500;
    public const int WebhookTokenLength = 32;

    private StripeConnection() { }

    public StripeConnection(Guid merchantId, bool livemode, string accountId, string? accountName, string protectedSecretKey, string webhookToken, DateTimeOffset now)
    {
        MerchantId = merchantId;
        Livemode = livemode;
        WebhookToken = webhookToken;
        Replace(accountId, accountName, protectedSecretKey, now);
    }

    public Guid MerchantId { get; private set; }
    public bool Livemode { get; private set; }
    public string AccountId { get; private set; } = "";
    public string? AccountName { get; private set; }
    public string ProtectedSecretKey { get; private set; } = "";
    /// <summary>Empty until the merchant pastes the signing secret Stripe shows for our webhook URL.</summary>
    public string ProtectedWebhookSecret { get; private set; } = "";
    public string WebhookToken { get; private set; } = "";
    public DateTimeOffset ConnectedAt { get; private set; }

    /// <summary>Why Stripe stopped accepting the key (revoked, say), and since when; null while it works.</summary>
    public string? KeyProblem { get; private set; }
    public DateTimeOffset? KeyProblemAt { get; private set; }

    /// <summary>A new key, checked: whatever was wrong with the old one is over. The webhook URL and its secret stay.</summary>
    public void Replace(string accountId, string? accountName, string protectedSecretKey, DateTimeOffset now)
    {
        AccountId = accountId;
        AccountName = accountName;
        ProtectedSecretKey = protectedSecretKey;
        ConnectedAt = now;
        KeyProblem = null;
        KeyProblemAt = null;
    }

    public void SignEventsWith(string protectedWebhookSecret) => ProtectedWebhookSecret = protectedWebhookSecret;

    public void KeyRefused(string problem, DateTimeOffset now)
    {
        KeyProblem = problem[..Math.Min(problem.Length, ProblemMaxLength)];
        KeyProblemAt ??= now;
    }
}

public static class StripeConnectionQueries
{
    /// <summary>The merchant's connection for the mode (at most one).</summary>
    public static IQueryable<StripeConnection> Of(this IQueryable<StripeConnection> connections, Guid merchantId, bool livemode) =>
        connections.Where(c => c.MerchantId == merchantId && c.Livemode == livemode);
}

/// <summary>One event Stripe sent to a connection, by its id: each is handled once however often Stripe sends it again.</summary>
public sealed class StripeEventReceipt
{
    public const int EventIdMaxLength = 255;

    private StripeEventReceipt() { }

    public StripeEventReceipt(Guid merchantId, bool livemode, string eventId, string type, DateTimeOffset now)
    {
        MerchantId = merchantId;
        Livemode = livemode;
        EventId = eventId;
        Type = type;
        ReceivedAt = now;
    }

    public Guid MerchantId { get; private set; }
    public bool Livemode { get; private set; }
    public string EventId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
}
