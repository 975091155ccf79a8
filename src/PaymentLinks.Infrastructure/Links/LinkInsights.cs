using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>How far customers got with a link: checkout views, attempts started, payments completed, and the rate.</summary>
public sealed record LinkFunnel(int Views, int Attempts, int Completed, int Failed)
{
    /// <summary>Completed payments per checkout view; none before anyone has looked.</summary>
    public double? Conversion => Views == 0 ? null : (double)Completed / Views;
}

/// <summary>Read-only views of a link's payments, for the merchant who owns it.</summary>
public sealed class LinkInsights(IDbContextFactory<AppDbContext> contexts)
{
    public const int RecentPaymentsShown = 100;

    public async Task<IReadOnlyList<PaymentView>> RecentPaymentsAsync(MerchantCaller caller, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var attempts = await OwnedAttempts(db, caller, linkId)
            .OrderByDescending(a => a.CreatedAt)
            .Take(RecentPaymentsShown)
            .ToListAsync(ct);
        return attempts.Select(PaymentView.Of).ToList();
    }

    public async Task<LinkFunnel> FunnelAsync(MerchantCaller caller, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await OwnedAttempts(db, caller, linkId)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Count(PaymentStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        var views = await db.PaymentLinks.OwnedBy(caller).Where(l => l.Id == linkId)
            .Select(l => l.CheckoutViews).FirstOrDefaultAsync(ct);
        return new LinkFunnel(views, counts.Sum(c => c.Count), Count(PaymentStatus.Completed), Count(PaymentStatus.Failed));
    }

    /// <summary>The currencies of the merchant's newest links, most recent first: what the link form offers before the rest.</summary>
    public async Task<IReadOnlyList<string>> RecentCurrenciesAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var newest = await db.PaymentLinks.AsNoTracking().OwnedBy(caller)
            .OrderByDescending(l => l.CreatedAt).Take(50).Select(l => l.Currency).ToListAsync(ct);
        return newest.Distinct().Take(5).ToList();
    }

    private static IQueryable<PaymentAttempt> OwnedAttempts(AppDbContext db, MerchantCaller caller, Guid linkId)
    {
        var owned = db.PaymentLinks.OwnedBy(caller);
        return db.PaymentAttempts.AsNoTracking().Where(a => a.LinkId == linkId && owned.Any(l => l.Id == linkId));
    }
}
