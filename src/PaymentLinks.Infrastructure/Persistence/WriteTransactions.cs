using Microsoft.EntityFrameworkCore;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// Runs read-check-write work in one transaction with its own context. On SQLite the transaction is
/// BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so writers queue and a read inside sees the latest
/// commit. On PostgreSQL two writers can read the same row: the version check on save then refuses the
/// loser, which is retried on fresh data.
/// </summary>
public sealed class WriteTransactions(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    public async Task<T> RunAsync<T>(Func<AppDbContext, DateTimeOffset, Task<T>> work, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Taken after the lock is held so that timestamps follow the order in which changes commit.
            var now = clock.GetUtcNow();
            try
            {
                var result = await work(db, now);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }
}
