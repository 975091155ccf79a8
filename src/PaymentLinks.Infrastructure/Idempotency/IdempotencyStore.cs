using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Idempotency;

/// <summary>Idempotency keys, kept 24 hours per merchant and mode; they are written by the work they answer (<see cref="KeyedRequest"/>).</summary>
public sealed class IdempotencyStore(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The key's stored answer, while it is younger than <see cref="Lifetime"/>.</summary>
    public async Task<IdempotencyRecord?> FindAsync(MerchantCaller caller, string key, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow() - Lifetime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.MerchantId == caller.MerchantId && r.Livemode == caller.Livemode && r.Key == key && r.StatusCode != null && r.CreatedAt >= since, ct);
    }
}
