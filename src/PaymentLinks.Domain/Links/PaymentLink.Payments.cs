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
    /// Counting one completed payment, the one definition every path follows: the clock's expiry first, then the
    /// link's refusal if it takes no payment now, else one more usage and a new version, and USED at the limit.
    /// The store runs it on the link's locked row; <see cref="StaysActiveAfterPaymentAt"/> names the payments it may
    /// count without that lock.
    /// </summary>
    public Result CompletePayment(DateTimeOffset now, Actor actor)
    {
        CatchUpWithClock(now);
        if (PaymentRefusal(now) is { } refusal)
            return refusal;
        Usages++;
        Touch(now);
        if (Usages >= MaxUsages)
            Move(LinkTrigger.UsageLimitReached, now, actor, now);
        return Result.Ok;
    }

    /// <summary>
    /// The links on which <see cref="CompletePayment"/> is no transition at <paramref name="now"/>: ACTIVE, not past the
    /// deadline, and still below the limit after one more usage. For those the store writes what it changes (usages + 1,
    /// version + 1, updated at now) in one conditional UPDATE, with no aggregate read and no lock taken first; a test
    /// holds the two to the same row. Every other payment (a link's last, or one it refuses) goes the locked way.
    /// </summary>
    public static Expression<Func<PaymentLink, bool>> StaysActiveAfterPaymentAt(DateTimeOffset now) =>
        link => link.Status == LinkStatus.Active && link.Usages + 1 < link.MaxUsages && (link.ExpiresAt == null || link.ExpiresAt > now);
}
