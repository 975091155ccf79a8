using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Overview;

/// <summary>Completed payments in one currency over the overview's days.</summary>
public sealed record CurrencyTotal(string Currency, decimal Amount, int Payments);

/// <summary>One day of the overview (in the merchant's time zone): completed payments, and their amount per currency.</summary>
public sealed record OverviewDay(DateOnly Day, int Completed, IReadOnlyDictionary<string, decimal> AmountByCurrency);

/// <summary>What the dashboard's home shows, read in one call.</summary>
public sealed record OverviewFigures(
    int LinkCount, DateOnly Since, IReadOnlyList<CurrencyTotal> Totals, IReadOnlyList<OverviewDay> Days, int CheckoutViews, int CompletedEver,
    IReadOnlyList<LinkView> NearUsageLimit, IReadOnlyList<LinkView> NearExpiry, IReadOnlyList<PaymentRow> Latest)
{
    /// <summary>Completed payments per checkout view, over every link's life; none before anyone has looked.</summary>
    public double? Conversion => CheckoutViews == 0 ? null : (double)CompletedEver / CheckoutViews;
}

/// <summary>The merchant's overview, of one mode: the last days' takings, conversion, links about to run out, latest payments.</summary>
public sealed class MerchantOverview(IDbContextFactory<AppDbContext> contexts, PaymentLedger ledger, TimeProvider clock)
{
    public const int Days = 30;
    public const int ListedLinks = 5;
    public const int LatestPayments = 5;

    public async Task<OverviewFigures> ReadAsync(MerchantCaller caller, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = LocalDays.DayOf(now, zone);
        var firstDay = today.AddDays(1 - Days);
        var since = LocalDays.StartOf(firstDay, zone);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var links = db.PaymentLinks.AsNoTracking().OwnedBy(caller);
        var completed = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.Status == PaymentStatus.Completed && a.FinishedAt >= since && links.Any(l => l.Id == a.LinkId))
            .Select(a => new { a.FinishedAt, NetMinor = a.AmountMinor - a.RefundedMinor, a.Currency }).ToListAsync(ct);
        // Takings are net: what refunds gave back is not the merchant's.
        var payments = completed.Select(p => (Day: LocalDays.DayOf(p.FinishedAt!.Value, zone),
            p.Currency, Amount: Currencies.FromMinorUnits(p.NetMinor, p.Currency))).ToList();

        var totals = payments.GroupBy(p => p.Currency).OrderByDescending(g => g.Count())
            .Select(g => new CurrencyTotal(g.Key, g.Sum(p => p.Amount), g.Count())).ToList();
        var days = Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i)).Select(day => new OverviewDay(day,
            payments.Count(p => p.Day == day),
            payments.Where(p => p.Day == day).GroupBy(p => p.Currency).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount)))).ToList();

        var views = await links.SumAsync(l => l.CheckoutViews, ct);
        var completedEver = await links.SumAsync(l => l.Usages, ct);
        var open = links.Where(l => l.Status == LinkStatus.Active && (l.ExpiresAt == null || l.ExpiresAt > now));
        var nearLimit = await open.Where(l => l.Usages > 0 && l.MaxUsages > 1)
            .OrderByDescending(l => (double)l.Usages / l.MaxUsages).ThenBy(l => l.MaxUsages - l.Usages).Take(ListedLinks).ToListAsync(ct);
        var nearExpiry = await open.Where(l => l.ExpiresAt != null).OrderBy(l => l.ExpiresAt).Take(ListedLinks).ToListAsync(ct);
        var latest = await ledger.ListAsync(caller, new PaymentQuery { Take = LatestPayments }, ct);
        return new OverviewFigures(await links.CountAsync(ct), firstDay, totals, days, views, completedEver,
            nearLimit.Select(l => LinkView.Of(l, now)).ToList(), nearExpiry.Select(l => LinkView.Of(l, now)).ToList(), latest.Items);
    }
}
