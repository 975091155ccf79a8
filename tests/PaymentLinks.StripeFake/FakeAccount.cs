using Stripe;
using Stripe.Checkout;

namespace PaymentLinks.StripeFake;

/// <summary>What a real Stripe account holds that our product touches: its sessions, PaymentIntents and refunds, and where its events go.</summary>
public sealed class FakeAccount(string id, string name, bool livemode, bool canReadAccount)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public bool Livemode { get; } = livemode;

    /// <summary>A restricted key without read access to the account: Stripe answers 403 to the account check.</summary>
    public bool CanReadAccount { get; } = canReadAccount;

    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }

    internal Dictionary<string, Session> Sessions { get; } = [];
    internal Dictionary<string, PaymentIntent> Intents { get; } = [];
    internal Dictionary<string, List<Stripe.Refund>> RefundsByIntent { get; } = [];
    internal Dictionary<string, (int Status, string Body, string Parameters)> IdempotentAnswers { get; } = [];

    /// <summary>What a session's PaymentIntent will be made with when its customer pays (Stripe makes it then).</summary>
    internal Dictionary<string, IntentTerms> IntentTerms { get; } = [];

    internal Account ToAccount() => new()
    {
        Id = Id,
        Object = "account",
        BusinessProfile = new AccountBusinessProfile { Name = Name },
        ChargesEnabled = true,
    };
}

internal sealed record IntentTerms(string CaptureMethod, Dictionary<string, string> Metadata, string ProductName);

/// <summary>One call our product made, as the fake answered it.</summary>
public sealed record FakeCall(string Method, string Path, string? IdempotencyKey, int Status);

/// <summary>Money the fake moved, for tests to assert: what was captured, cancelled and refunded, and of which PaymentIntent.</summary>
public sealed record FakeMovement(string Kind, string PaymentIntent, long Amount, string? IdempotencyKey);
