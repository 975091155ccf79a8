using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log into the database file once a second, off the write path. Left to itself, SQLite
/// does it inside whichever commit crosses the log's page mark, and that writer holds the database's only write lock
/// through the copy and its fsync: measured, over a third of a payment's commit. A passive checkpoint takes no write
/// lock; writers keep going while it runs.
/// </summary>
internal sealed class SqliteCheckpoints(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<SqliteCheckpoints> logger)
    : PeriodicWork(TimeSpan.FromSeconds(1), clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", ct);
    }
}
