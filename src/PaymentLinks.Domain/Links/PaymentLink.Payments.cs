using System.Linq.Expressions;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>Payments on a link: when it takes them, and what counting one does.</summary>
public sealed partial class PaymentLink
{
    /// <summary>Why a payment cannot complete at <paramref name="now"/>, or null when it can.</summary>
    public Refusal? PaymentRefusal(DateTimeOffset now) => EffectiveStatus(now) switch
    {
        LinkStatus.Active when Usages < MaxUsages => null,
        LinkStatus.Active or LinkStatus.Used => new Refusal(RefusalCodes.LinkUsed, "This link is no longer accepting payments."),
        LinkStatus.Disabled => new Refusal(RefusalCodes.LinkDisabled, "This link is temporarily unavailable."),
        LinkStatus.Expired => new Refusal(RefusalCodes.LinkExpired, "This link has expired."),
        LinkStatus.Archived => new Refusal(RefusalCodes.LinkArchived, "This link is no longer available."),
        _ => new Refusal(RefusalCodes.LinkNotPayable, "This link is not available."),
    };

    /// <summary>
    /// <see cref="PaymentRefusal"/>'s "can be paid" as a predicate the store runs inside one conditional UPDATE
    /// that counts the payment: ACTIVE, below the limit, and not past the deadline at <paramref name="now"/>.
    /// Concurrent completions, on any number of app instances, then queue on the row and can never count past
    /// the limit; none of them reads first and none retries.
    /// </summary>
    public static Expression<Func<PaymentLink, bool>> TakesPaymentsAt(DateTimeOffset now) =>
        link => link.Status == LinkStatus.Active && link.Usages < link.MaxUsages && (link.ExpiresAt == null || link.ExpiresAt > now);

    /// <summary>
    /// <see cref="TakesPaymentsAt"/> with room to spare: counting one more payment leaves the link ACTIVE and below its
    /// limit, so the count is no transition and the store may make it alone, with no aggregate read first. Only a
    /// link's last payment (or one it refuses) needs <see cref="PaymentCounted"/>.
    /// </summary>
    public static Expression<Func<PaymentLink, bool>> TakesPaymentAndStaysActiveAt(DateTimeOffset now) =>
        link => link.Status == LinkStatus.Active && link.Usages + 1 < link.MaxUsages && (link.ExpiresAt == null || link.ExpiresAt > now);

    /// <summary>
    /// The store has just counted one more completed payment under <see cref="TakesPaymentsAt"/> (this row
    /// was read after that count); reaching the limit moves the link to USED in the same transaction.
    /// </summary>
    public void PaymentCounted(DateTimeOffset now, Actor actor)
    {
        Touch(now);
        if (Usages >= MaxUsages)
            Move(LinkTrigger.UsageLimitReached, now, actor, now);
    }

    /// <summary>
    /// The same count in memory: the store's conditional UPDATE and <see cref="PaymentCounted"/> in one step,
    /// for the lifecycle's own tests, which play whole sequences of payments and merchant actions on one link.
    /// </summary>
    public Result CompletePayment(DateTimeOffset now, Actor actor)
    {
        CatchUpWithClock(now);
        if (PaymentRefusal(now) is { } refusal)
            return refusal;
        Usages++;
        PaymentCounted(now, actor);
        return Result.Ok;
    }
}
