using Microsoft.EntityFrameworkCore;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// Row locks for PostgreSQL, where writers of different rows run side by side. On SQLite each is a no-op: its
/// write transaction (BEGIN IMMEDIATE) already holds the database's only write lock.
/// </summary>
internal static class RowLocks
{
    /// <summary>Locks one link's row until the transaction ends, so writers of one link queue instead of racing.</summary>
    public static async Task LockLinkAsync(this AppDbContext db, Guid linkId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "PaymentLinks" WHERE "Id" = {linkId} FOR UPDATE""", ct);
    }

    /// <summary>
    /// Of these links, the ones no other transaction holds, now locked by this one; the rest are skipped
    /// (FOR UPDATE SKIP LOCKED), so background work on several instances never waits on, or repeats, each other's.
    /// </summary>
    public static async Task<List<Guid>> LockFreeLinksAsync(this AppDbContext db, List<Guid> linkIds, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || linkIds.Count == 0)
            return linkIds;
        var ids = linkIds.ToArray();
        return await db.Database
            .SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "PaymentLinks" WHERE "Id" = ANY({ids}) FOR UPDATE SKIP LOCKED""")
            .ToListAsync(ct);
    }

    /// <summary>The same for outbox events: each is fanned out by one instance.</summary>
    public static async Task<List<long>> LockFreeOutboxEventsAsync(this AppDbContext db, List<long> eventIds, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || eventIds.Count == 0)
            return eventIds;
        var ids = eventIds.ToArray();
        return await db.Database
            .SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "WebhookEvents" WHERE "Id" = ANY({ids}) AND "DispatchedAt" IS NULL FOR UPDATE SKIP LOCKED""")
            .ToListAsync(ct);
    }
}
