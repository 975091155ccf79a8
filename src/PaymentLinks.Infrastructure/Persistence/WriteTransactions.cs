using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// Runs read-check-write work in one transaction with its own context. On SQLite the transaction is
/// BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so writers queue and a read inside sees the latest
/// commit. On PostgreSQL work on one link first locks its row (<see cref="RunOnLinkAsync{T}"/>), so its writers
/// queue the same way; where two writers still meet, the version check on save refuses the loser, which is
/// retried on fresh data.
/// On SQLite, this process's writers also queue for one in-memory turn before they begin: a writer that finds the
/// file locked would otherwise sleep in SQLite's busy handler, in steps of milliseconds, long after the lock is free.
/// A request with an Idempotency-Key stores its key and answer in the transaction of the write that answers it
/// (<see cref="KeyedRequest"/>): both commit, or neither does.
/// </summary>
public sealed class WriteTransactions(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    private readonly SemaphoreSlim _sqliteTurn = new(1, 1);

    public Task<T> RunAsync<T>(Func<AppDbContext, DateTimeOffset, Task<T>> work, CancellationToken ct = default) =>
        RunAsync(lockFirst: null, work, ct);

    /// <summary>Work on one link, holding its row from the start.</summary>
    public Task<T> RunOnLinkAsync<T>(Guid linkId, Func<AppDbContext, DateTimeOffset, Task<T>> work, CancellationToken ct = default) =>
        RunAsync(db => db.LockLinkAsync(linkId, ct), work, ct);

    /// <summary>Work that first takes its locks with <paramref name="lockFirst"/> (say, a link named by public id).</summary>
    public async Task<T> RunAsync<T>(Func<AppDbContext, Task>? lockFirst, Func<AppDbContext, DateTimeOffset, Task<T>> work, CancellationToken ct)
    {
        var keyed = KeyedRequest.AnsweredBy<T>();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var turn = await SqliteTurnAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (lockFirst is not null)
                await lockFirst(db);
            // Taken after the lock is held so that timestamps follow the order in which changes commit.
            var now = clock.GetUtcNow();
            try
            {
                var result = await work(db, now);
                if (keyed is not null)
                    await keyed.StoreAsync(db, result, now, ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (Exception error) when (attempt < MaxAttempts && (error is DbUpdateConcurrencyException || IsDeadlock(error)))
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }

    // PostgreSQL ends one of two transactions that wait on each other's rows (two writers of one merchant's link
    // counts, say); the one it ended is simply run again.
    private static bool IsDeadlock(Exception error) =>
        (error as PostgresException ?? error.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.DeadlockDetected;

    private async Task<IAsyncDisposable?> SqliteTurnAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection)
            return null; // judged by the connection: Database.IsSqlite() costs about as much as a small query
        await _sqliteTurn.WaitAsync(ct);
        return new Turn(_sqliteTurn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            turn.Release();
            return ValueTask.CompletedTask;
        }
    }
}
