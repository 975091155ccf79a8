using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Idempotency;

/// <summary>What a keyed request answered: its status and its body, replayed as they were.</summary>
public sealed record StoredAnswer(int StatusCode, string? Body);

/// <summary>A second request with a key whose first request committed meanwhile: its answer is now stored.</summary>
public sealed class IdempotencyKeyTaken() : Exception("This Idempotency-Key was used by a request that committed first.");

/// <summary>
/// A request that carries an Idempotency-Key, in force while its work runs. The write transaction that does the work
/// also stores the key and the answer (<see cref="WriteTransactions"/>), so a crash leaves either both or neither:
/// a retry then replays the answer, or does the work for the first time. No row is ever left half done to wait on.
/// </summary>
public sealed class KeyedRequest(MerchantCaller caller, string key, string requestHash)
{
    private static readonly AsyncLocal<KeyedRequest?> Ambient = new();

    private Type? _resultType;
    private Func<object?, StoredAnswer>? _answerFor;
    private bool _claimed;

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        Ambient.Value = this;
        try
        {
            return await work();
        }
        finally
        {
            Ambient.Value = null;
        }
    }

    /// <summary>
    /// Said just before the request's one write: how its result of type <typeparamref name="T"/> is answered. The write
    /// stores that answer before it commits. Outside a keyed request this does nothing.
    /// </summary>
    public static void AnswerWith<T>(Func<T, StoredAnswer> answer)
    {
        if (Ambient.Value is not { } request)
            return;
        request._resultType = typeof(T);
        request._answerFor = result => answer((T)result!);
    }

    /// <summary>The keyed request a write with a result of type <typeparamref name="T"/> answers, once per request.</summary>
    internal static KeyedRequest? AnsweredBy<T>()
    {
        if (Ambient.Value is not { _claimed: false } request || request._resultType != typeof(T))
            return null;
        request._claimed = true;
        return request;
    }

    /// <summary>
    /// In the write's transaction, after its work: the key and its answer. Of two requests with one key, the second
    /// one's insert fails on the unique (merchant, mode, key) (PostgreSQL makes it wait for the first to commit), and
    /// its work is rolled back with it.
    /// </summary>
    internal async Task StoreAsync(AppDbContext db, object? result, DateTimeOffset now, CancellationToken ct)
    {
        var expiredBefore = now - IdempotencyStore.Lifetime;
        // An incomplete row can only be left by a release that claimed keys in a transaction of their own.
        await db.IdempotencyRecords
            .Where(r => r.MerchantId == caller.MerchantId && r.Livemode == caller.Livemode && r.Key == key && (r.CreatedAt < expiredBefore || r.StatusCode == null))
            .ExecuteDeleteAsync(ct);
        db.IdempotencyRecords.Add(new IdempotencyRecord(caller.MerchantId, caller.Livemode, key, requestHash, now, _answerFor!(result)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (IsUniqueViolation(error))
        {
            throw new IdempotencyKeyTaken();
        }
    }

    // The work has saved its own rows by then: the record is the only row this save writes, so a unique violation there is the key's pair, nothing else.
    private static bool IsUniqueViolation(DbUpdateException error) => error.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        _ => false,
    };
}
