using System.Linq.Expressions;

namespace PaymentLinks.Domain.Links;

public sealed partial class PaymentLink
{
    /// <summary>
    /// Links whose status as shown at <paramref name="now"/> (<see cref="EffectiveStatus"/>) is one of
    /// <paramref name="statuses"/>, in a form a database answers from the stored status and deadline: a list never
    /// has to persist due expiries before it reads, and a link past its deadline is EXPIRED in every filter at once.
    /// </summary>
    public static Expression<Func<PaymentLink, bool>> ShowsStatusAt(IReadOnlyCollection<LinkStatus> statuses, DateTimeOffset now)
    {
        var asStored = statuses.Where(status => !CanExpire(status)).ToArray();
        var untilDue = statuses.Where(CanExpire).ToArray();
        var dueIncluded = statuses.Contains(LinkStatus.Expired);
        return link => asStored.Contains(link.Status)
            || (untilDue.Contains(link.Status) && (link.ExpiresAt == null || link.ExpiresAt > now))
            || (dueIncluded && (link.Status == LinkStatus.Active || link.Status == LinkStatus.Disabled)
                && link.ExpiresAt != null && link.ExpiresAt <= now);
    }

    private static bool CanExpire(LinkStatus status) => status is LinkStatus.Active or LinkStatus.Disabled;
}
