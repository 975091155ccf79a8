using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Payments.Rails;

public enum RailAction
{
    Capture,
    Void,
    Refund,
}

public enum RailOperationStatus
{
    Pending,
    Succeeded,
}

/// <summary>
/// A capture, void or refund the rail must carry out: written in the transaction of the change that calls for it (a
/// completed payment, a refused one, a refund; <see cref="RailOutbox"/>), then carried out by <see cref="RailWorker"/>
/// until the rail confirms. Its idempotency key is derived from our ids, one per payment and action (per refund for
/// refunds), so a payment is captured or voided once whatever happens.
/// </summary>
public sealed class RailOperation
{
    public const int KeyMaxLength = 64;
    public const int ErrorMaxLength = 500;
    public const int ReferenceMaxLength = 100;

    private RailOperation() { }

    public RailOperation(RailAction action, PaymentAttempt payment, Guid? refundId, Guid merchantId, long amountMinor, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Action = action;
        PaymentId = payment.Id;
        RefundId = refundId;
        MerchantId = merchantId;
        Livemode = payment.Livemode;
        Provider = payment.Provider;
        AmountMinor = amountMinor;
        Currency = payment.Currency;
        IdempotencyKey = action == RailAction.Refund ? $"refund_{refundId:N}" : $"{action.ToString().ToLowerInvariant()}_{payment.Id:N}";
        Status = RailOperationStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public RailAction Action { get; private set; }
    public Guid PaymentId { get; private set; }
    public Guid? RefundId { get; private set; }
    public Guid MerchantId { get; private set; }
    public bool Livemode { get; private set; }

    /// <summary>The payment's rail: the operation is asked of the one that authorized it.</summary>
    public PaymentProvider Provider { get; private set; }
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";
    public RailOperationStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SucceededAt { get; private set; }
    public string? Reference { get; private set; }
    public string? LastError { get; private set; }

    public RailCall Call => new(Action, IdempotencyKey, PaymentId, RefundId, MerchantId, Livemode, AmountMinor, Currency);

    public void Succeed(string? reference, DateTimeOffset now)
    {
        Attempts++;
        Status = RailOperationStatus.Succeeded;
        SucceededAt = now;
        Reference = reference?[..Math.Min(reference.Length, ReferenceMaxLength)];
        LastError = null;
    }

    /// <summary>Not done this time: tried again after a delay that doubles with each attempt, up to an hour.</summary>
    public void Retry(string error, TimeSpan baseDelay, DateTimeOffset now)
    {
        Attempts++;
        LastError = error[..Math.Min(error.Length, ErrorMaxLength)];
        NextAttemptAt = now + RetryDelays.Doubling(baseDelay, Attempts);
    }
}
