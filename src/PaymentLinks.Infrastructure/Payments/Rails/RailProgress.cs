using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>A capture, void or refund the rail has been asked for and has not confirmed: how often, what it last said, when it is asked again.</summary>
public sealed record UnconfirmedRailOperation(RailAction Action, int Attempts, string? LastError, DateTimeOffset NextAttemptAt);

/// <summary>What the merchant sees of the rail outbox on a payment's page: the operations still being retried, and why.</summary>
public sealed class RailProgress(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<UnconfirmedRailOperation>> UnconfirmedAsync(MerchantCaller caller, Guid paymentId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.RailOperations.AsNoTracking()
            .Where(o => o.PaymentId == paymentId && o.MerchantId == caller.MerchantId && o.Livemode == caller.Livemode
                        && o.Status == RailOperationStatus.Pending && o.Attempts > 0)
            .OrderBy(o => o.CreatedAt)
            .Select(o => new UnconfirmedRailOperation(o.Action, o.Attempts, o.LastError, o.NextAttemptAt))
            .ToListAsync(ct);
    }
}
