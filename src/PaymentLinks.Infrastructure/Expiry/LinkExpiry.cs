using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Infrastructure.Expiry;

/// <summary>
/// Persists expiries the clock has already decided: on access to one link, and from the sweeper (lists show due
/// links as expired without storing them). The aggregate dates each history entry at the link's deadline, with the
/// clock as actor. A sweep reports its lag: how long past its deadline the earliest link it expired was.
/// </summary>
public sealed class LinkExpiry(WriteTransactions writes, ProductMetrics metrics)
{
    private const int BatchSize = 200;

    public async Task<int> ExpireAsync(Guid linkId, CancellationToken ct = default) =>
        (await ExpireBatchAsync(links => links.Where(l => l.Id == linkId), ct)).Count;

    /// <summary>Every due link, all merchants'. Returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var (total, lag) = (0, TimeSpan.Zero);
        while (true)
        {
            var (expired, latest) = await ExpireBatchAsync(links => links, ct);
            total += expired;
            if (latest > lag)
                lag = latest.Value;
            if (expired < BatchSize)
            {
                metrics.ExpirySwept(lag);
                return total;
            }
        }
    }

    /// <summary>Expires a batch of due links; returns how many, and how late the earliest deadline among them was stored.</summary>
    private Task<(int Count, TimeSpan? Lag)> ExpireBatchAsync(Func<IQueryable<PaymentLink>, IQueryable<PaymentLink>> scope, CancellationToken ct) =>
        writes.RunAsync(async (db, now) =>
        {
            var dueIds = await scope(db.PaymentLinks)
                .Where(PaymentLink.DueForExpiryAt(now))
                .OrderBy(l => l.ExpiresAt)
                .Take(BatchSize)
                .Select(l => l.Id)
                .ToListAsync(ct);
            // Links another transaction holds (a payment, a sweeper on another instance) are left to it.
            var free = await db.LockFreeLinksAsync(dueIds, ct);
            var due = await db.PaymentLinks.Where(l => free.Contains(l.Id)).ToListAsync(ct);
            // Re-checked on the locked rows: one may have changed between the first read and the lock.
            due.RemoveAll(link => !link.CatchUpWithClock(now));
            await db.SaveChangesAsync(ct);
            return (due.Count, now - due.Min(link => link.ExpiresAt));
        }, ct);
}
