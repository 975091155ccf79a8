using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Payments;

public enum RefundReason
{
    RequestedByCustomer,
    Duplicate,
    Fraudulent,
    Other,
}

public enum RefundStatus
{
    /// <summary>Recorded here, and being carried out at the payment's rail.</summary>
    Pending,

    /// <summary>The rail confirmed: the money is on its way back to the customer.</summary>
    Succeeded,
}

/// <summary>
/// Money given back on a completed payment, in full or in part. Made only by <see cref="PaymentAttempt.Refund"/>, which
/// keeps the sum of a payment's refunds within what was paid; the rail carries it out afterwards, with the refund's id
/// as its idempotency key.
/// </summary>
public sealed class Refund
{
    public const int ActorMaxLength = 100;

    private Refund() { }

    /// <summary>A refund the provider reports having made (in its own dashboard): succeeded as it arrives, nothing left to carry out.</summary>
    internal static Refund AtProvider(PaymentAttempt payment, Guid merchantId, long amountMinor, string providerRefundId, DateTimeOffset now) =>
        new(payment, merchantId, amountMinor, RefundReason.RequestedByCustomer, now, Actor.Provider)
        {
            ProviderRefundId = providerRefundId,
            MadeAtProvider = true,
            Status = RefundStatus.Succeeded,
            SucceededAt = now,
        };

    internal Refund(PaymentAttempt payment, Guid merchantId, long amountMinor, RefundReason reason, DateTimeOffset now, Actor actor)
    {
        Id = Guid.CreateVersion7(now);
        PaymentId = payment.Id;
        MerchantId = merchantId;
        Livemode = payment.Livemode;
        AmountMinor = amountMinor;
        Currency = payment.Currency;
        Reason = reason;
        Status = RefundStatus.Pending;
        CreatedAt = now;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
    }

    public Guid Id { get; private set; }
    public Guid PaymentId { get; private set; }
    public Guid MerchantId { get; private set; }
    public bool Livemode { get; private set; }
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public RefundReason Reason { get; private set; }
    public RefundStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SucceededAt { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string? ActorId { get; private set; }

    /// <summary>The provider's own id for it (a Stripe <c>re_…</c>): set when the provider confirms ours, or when it was made at the provider.</summary>
    public string? ProviderRefundId { get; private set; }

    /// <summary>Made in the provider's own dashboard, and only reported to us: the money has already moved.</summary>
    public bool MadeAtProvider { get; private set; }

    public decimal Amount => Currencies.FromMinorUnits(AmountMinor, Currency);

    /// <summary>The rail confirmed it (under its own id, when it has one); a second confirmation (a retried call) changes nothing.</summary>
    public void Succeed(DateTimeOffset now, string? providerRefundId = null)
    {
        ProviderRefundId ??= providerRefundId;
        if (Status == RefundStatus.Succeeded)
            return;
        Status = RefundStatus.Succeeded;
        SucceededAt = now;
    }
}

/// <summary>A refund reason's name in the API and the dashboard's form: <c>requested_by_customer</c>, <c>duplicate</c> …</summary>
public static class RefundReasons
{
    private static readonly Dictionary<RefundReason, string> Names = new()
    {
        [RefundReason.RequestedByCustomer] = "requested_by_customer",
        [RefundReason.Duplicate] = "duplicate",
        [RefundReason.Fraudulent] = "fraudulent",
        [RefundReason.Other] = "other",
    };

    public static string NameOf(RefundReason reason) => Names[reason];

    public static bool TryParse(string? name, out RefundReason reason)
    {
        foreach (var (value, known) in Names)
        {
            if (known == name)
            {
                reason = value;
                return true;
            }
        }
        reason = default;
        return false;
    }

    public static IReadOnlyCollection<string> All => Names.Values;
}
