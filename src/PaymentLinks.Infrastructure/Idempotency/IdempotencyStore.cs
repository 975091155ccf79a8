using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Idempotency;

/// <summary>What to do with a request that carries an Idempotency-Key.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>First use of the key: run the request, then <see cref="IdempotencyStore.CompleteAsync"/>.</summary>
    public sealed record Run(long RecordId) : IdempotencyClaim;

    /// <summary>Seen before with the same request: answer exactly as the first time.</summary>
    public sealed record Replay(int StatusCode, string? Body) : IdempotencyClaim;

    /// <summary>Seen before with a different request: refuse.</summary>
    public sealed record Mismatch : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys, kept 24 hours per merchant. A key is claimed by inserting its row (unique per merchant),
/// so of two concurrent requests with one key exactly one runs; the other waits for its response.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan WaitForRunning = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(25);

    public async Task<IdempotencyClaim> ClaimAsync(Guid merchantId, string key, string requestHash, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var expiredBefore = now - Lifetime;
            await db.IdempotencyRecords.Where(r => r.MerchantId == merchantId && r.Key == key && r.CreatedAt < expiredBefore)
                .ExecuteDeleteAsync(ct);
            var record = new IdempotencyRecord(merchantId, key, requestHash, now);
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return new IdempotencyClaim.Run(record.Id);
            }
            catch (DbUpdateException)
            {
                // Someone holds the key already: fall through to read what they did.
            }
        }

        var waitUntil = DateTime.UtcNow + WaitForRunning;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.MerchantId == merchantId && r.Key == key, ct);
            if (existing is null)
                return await ClaimAsync(merchantId, key, requestHash, ct); // the first request failed and let go
            if (existing.RequestHash != requestHash)
                return new IdempotencyClaim.Mismatch();
            if (existing.IsComplete)
                return new IdempotencyClaim.Replay(existing.StatusCode!.Value, existing.ResponseBody);
            if (DateTime.UtcNow > waitUntil)
                throw new TimeoutException($"Idempotency key {key} is still being processed.");
            await Task.Delay(PollEvery, ct);
        }
    }

    public async Task CompleteAsync(long recordId, int statusCode, string? body, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await db.IdempotencyRecords.FirstAsync(r => r.Id == recordId, ct);
        record.Complete(statusCode, body);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The request crashed before answering: free the key so that a retry can run.</summary>
    public async Task ReleaseAsync(long recordId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.IdempotencyRecords.Where(r => r.Id == recordId && r.StatusCode == null).ExecuteDeleteAsync();
    }
}
