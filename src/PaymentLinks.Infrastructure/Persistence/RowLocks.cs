using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;

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
        if (db.Database.GetDbConnection() is NpgsqlConnection)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "PaymentLinks" WHERE "Id" = {linkId} FOR UPDATE""", ct);
    }

    /// <summary>Locks a business's row: changes to its members queue, so two owners demoting each other leave one owner.</summary>
    public static async Task LockMerchantAsync(this AppDbContext db, Guid merchantId, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Merchants" WHERE "Id" = {merchantId} FOR UPDATE""", ct);
    }

    /// <summary>
    /// The caller's link named by its UUID or public id, locked as <see cref="LockLinkAsync"/> does; null when the
    /// caller has no such link (another merchant's or the other mode's included).
    /// </summary>
    public static async Task<Guid?> LockMerchantLinkAsync(this AppDbContext db, MerchantCaller caller, LinkRef link, CancellationToken ct)
    {
        var (id, publicId, merchantId, livemode) = (link.Id, link.Value, caller.MerchantId, caller.Livemode);
        if (db.Database.GetDbConnection() is not NpgsqlConnection)
        {
            var merchants = db.PaymentLinks.OwnedBy(caller);
            var named = id is { } uuid ? merchants.Where(l => l.Id == uuid) : merchants.Where(l => l.PublicId == publicId);
            return await named.Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
        }
        var locked = id is { } lockedId
            ? db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "PaymentLinks" WHERE "Id" = {lockedId} AND "MerchantId" = {merchantId} AND "Livemode" = {livemode} FOR UPDATE""")
            : db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "PaymentLinks" WHERE "PublicId" = {publicId} AND "MerchantId" = {merchantId} AND "Livemode" = {livemode} FOR UPDATE""");
        return (await locked.ToListAsync(ct)) is [var found] ? found : null;
    }

    /// <summary>A payment attempt, tracked, its row locked until the transaction ends: two answers from the bank for one payment queue.</summary>
    public static async Task<PaymentAttempt?> LockAttemptAsync(this AppDbContext db, Guid attemptId, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection)
            return await db.PaymentAttempts.FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        var locked = await db.PaymentAttempts.FromSql($"""SELECT * FROM "PaymentAttempts" WHERE "Id" = {attemptId} FOR UPDATE""").ToListAsync(ct);
        return locked.SingleOrDefault();
    }

    /// <summary>
    /// Of these links, the ones no other transaction holds, now locked by this one; the rest are skipped
    /// (FOR UPDATE SKIP LOCKED), so background work on several instances never waits on, or repeats, each other's.
    /// </summary>
    public static Task<List<Guid>> LockFreeLinksAsync(this AppDbContext db, List<Guid> linkIds, CancellationToken ct) =>
        LockFreeAsync(db, "PaymentLinks", "", linkIds, ct);

    /// <summary>The same for outbox events not yet fanned out: each is fanned out by one instance.</summary>
    public static Task<List<long>> LockFreeOutboxEventsAsync(this AppDbContext db, List<long> eventIds, CancellationToken ct) =>
        LockFreeAsync(db, "WebhookEvents", """AND "DispatchedAt" IS NULL""", eventIds, ct);

    /// <summary>The same for mail due to be sent, and for announcements to fan out: each is taken by one instance.</summary>
    public static Task<List<Guid>> LockFreeMailAsync(this AppDbContext db, List<Guid> mailIds, CancellationToken ct) =>
        LockFreeAsync(db, "OutgoingMail", "", mailIds, ct);

    private static async Task<List<TId>> LockFreeAsync<TId>(AppDbContext db, string table, string condition, List<TId> ids, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection || ids.Count == 0)
            return ids;
        // The table and condition are this class's own constants; the ids go as a parameter.
#pragma warning disable EF1002
        return await db.Database
            .SqlQueryRaw<TId>($"""SELECT "Id" AS "Value" FROM "{table}" WHERE "Id" = ANY(@ids) {condition} FOR UPDATE SKIP LOCKED""",
                new NpgsqlParameter("ids", ids.ToArray()))
            .ToListAsync(ct);
#pragma warning restore EF1002
    }
}
