namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>
/// What moves a payment's money: the sandbox bank in test mode, the merchant's provider in live mode. Authorization
/// happens at the rail's customer-facing step (the sandbox bank's page, a provider's hosted page) and reaches the
/// product through <see cref="PaymentService.CompleteAsync"/>; capture, void and refund are asked of the rail
/// afterwards by <see cref="RailWorker"/>, each with our id as its idempotency key, so that asking twice (a retry after
/// a crash) moves the money once.
/// </summary>
public interface IPaymentRail
{
    Task<RailAnswer> CarryOutAsync(RailCall call, CancellationToken ct);
}

/// <summary>One capture, void or refund as the rail is asked for it.</summary>
public sealed record RailCall(
    RailAction Action, string IdempotencyKey, Guid PaymentId, Guid? RefundId, Guid MerchantId, bool Livemode, long AmountMinor, string Currency);

/// <summary>The rail's answer: done (with its own reference), or not done, with why.</summary>
public sealed record RailAnswer(bool Done, string? Reference, string? Error)
{
    public static RailAnswer Confirmed(string reference) => new(true, reference, null);

    public static RailAnswer NotDone(string error) => new(false, null, error);
}
