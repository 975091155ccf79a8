using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>
/// How many of a merchant's links in one mode show one of some statuses now, without scanning them: the kept counts per stored
/// status (<see cref="MerchantLinkCount"/>), corrected by the few links past their deadline that are stored ACTIVE
/// or DISABLED yet shown EXPIRED until the sweeper stores them.
/// </summary>
internal static class LinkCounting
{
    public static async Task<int> CountAsync(
        AppDbContext db, MerchantCaller caller, IReadOnlyCollection<LinkStatus> statuses, DateTimeOffset now, CancellationToken ct)
    {
        var count = await db.MerchantLinkCounts
            .Where(c => c.MerchantId == caller.MerchantId && c.Livemode == caller.Livemode && statuses.Contains(c.Status))
            .SumAsync(c => c.Count, ct);
        var due = await db.PaymentLinks
            .OwnedBy(caller)
            .Where(PaymentLink.DueForExpiryAt(now))
            .GroupBy(l => l.Status)
            .Select(group => new { Status = group.Key, Count = group.Count() })
            .ToListAsync(ct);
        foreach (var stored in due)
            count += (statuses.Contains(LinkStatus.Expired) ? stored.Count : 0) - (statuses.Contains(stored.Status) ? stored.Count : 0);
        return count;
    }
}
