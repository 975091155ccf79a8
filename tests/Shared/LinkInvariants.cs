using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;
using Xunit;

namespace PaymentLinks.Tests.Shared;

/// <summary>
/// What must hold of every stored link, whatever happened to the process or the file: its usages are its COMPLETED
/// payments, never above its limit, and its status is the end of one chain of allowed moves from DRAFT.
/// </summary>
public static class LinkInvariants
{
    public static async Task AssertHoldAsync(AppDbContext db)
    {
        var completed = await db.PaymentAttempts.AsNoTracking().Where(a => a.Status == PaymentStatus.Completed)
            .GroupBy(a => a.LinkId).Select(g => new { LinkId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.LinkId, g => g.Count);
        var histories = (await db.LinkStatusChanges.AsNoTracking().ToListAsync()).OrderBy(c => c.Id).ToLookup(c => c.LinkId);
        foreach (var link in await db.PaymentLinks.AsNoTracking().ToListAsync())
        {
            Assert.Equal(completed.GetValueOrDefault(link.Id), link.Usages);
            Assert.True(link.Usages <= link.MaxUsages, $"{link.Title}: {link.Usages} usages over a limit of {link.MaxUsages}");
            var status = LinkStatus.Draft;
            foreach (var change in histories[link.Id])
            {
                Assert.Equal(status, change.From);
                Assert.True(change.IsLifecycleMove(), $"{change.From} -> {change.To} is not a move the lifecycle has");
                status = change.To;
            }
            Assert.Equal(status, link.Status);
        }
    }
}
