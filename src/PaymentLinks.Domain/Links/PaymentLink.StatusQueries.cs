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
        // With EXPIRED among them, a link that can expire is listed whatever its deadline (it shows as itself or as
        // EXPIRED), so the deadline is tested only where it decides: the default list tests the stored status alone.
        var expiredShown = statuses.Contains(LinkStatus.Expired);
        var asStored = statuses.Where(status => !status.CanExpire() || expiredShown).ToArray();
        var untilDue = expiredShown ? [] : statuses.Where(status => status.CanExpire()).ToArray();
        var onceDue = expiredShown ? LinkStatusExtensions.Expiring.Except(statuses).ToArray() : [];
        return link => asStored.Contains(link.Status)
            || (untilDue.Contains(link.Status) && (link.ExpiresAt == null || link.ExpiresAt > now))
            || (onceDue.Contains(link.Status) && link.ExpiresAt != null && link.ExpiresAt <= now);
    }

    /// <summary>Links whose deadline has passed while the stored row still says ACTIVE or DISABLED: what the sweeper stores.</summary>
    public static Expression<Func<PaymentLink, bool>> DueForExpiryAt(DateTimeOffset now)
    {
        var expiring = LinkStatusExtensions.Expiring.ToArray();
        return link => expiring.Contains(link.Status) && link.ExpiresAt != null && link.ExpiresAt <= now;
    }
}
