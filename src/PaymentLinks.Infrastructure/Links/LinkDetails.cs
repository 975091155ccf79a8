using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>A history entry with the actor named the way the merchant knows them: a user's email, an API key's name.</summary>
public sealed record NamedHistoryEntry(LinkStatus From, LinkStatus To, DateTimeOffset At, ActorKind ActorKind, string Who);

/// <summary>Completed payments on one day (in the merchant's time zone).</summary>
public sealed record DailyCount(DateOnly Day, int Count);

/// <summary>Everything a link's detail page shows, read in one call.</summary>
public sealed record LinkDetails(
    LinkView Link, string PublicUrl, LinkFunnel Funnel, IReadOnlyList<NamedHistoryEntry> History,
    IReadOnlyList<PaymentView> Payments, IReadOnlyList<DailyCount> CompletedPerDay);

public sealed class LinkDetailsQuery(PaymentLinkService links, LinkInsights insights, IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int ChartDays = 30;

    public async Task<LinkDetails?> GetAsync(MerchantCaller caller, Guid id, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var found = await links.GetAsync(caller, id, ct); // persists a due expiry, so the history shows it
        if (!found.IsSuccess)
            return null;
        var link = found.Value;
        var history = await links.ReadHistoryAsync(caller, id, ct);
        var payments = await insights.RecentPaymentsAsync(caller, id, ct);
        return new LinkDetails(
            link, links.PublicUrlOf(link), await insights.FunnelAsync(caller, id, ct), await NameActorsAsync(caller, history, ct),
            payments, await CompletedPerDayAsync(caller, id, zone, ct));
    }

    private async Task<IReadOnlyList<NamedHistoryEntry>> NameActorsAsync(MerchantCaller caller, IReadOnlyList<LinkHistoryEntry> history, CancellationToken ct)
    {
        var ids = history.Where(h => h.ActorId is not null).Select(h => h.ActorId!).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => u.MerchantId == caller.MerchantId && ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.Email ?? u.Id }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var keyIds = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        foreach (var key in await db.ApiKeys.AsNoTracking().Where(k => k.MerchantId == caller.MerchantId && keyIds.Contains(k.Id)).ToListAsync(ct))
            names[key.Id.ToString()] = $"API key “{key.Name}”";
        return history.Select(h => new NamedHistoryEntry(h.From, h.To, h.At, h.ActorKind, Who(h, names))).ToList();
    }

    private static string Who(LinkHistoryEntry entry, IReadOnlyDictionary<string, string> names) => entry.ActorKind switch
    {
        ActorKind.MerchantUser or ActorKind.ApiKey when entry.ActorId is not null && names.TryGetValue(entry.ActorId, out var name) => name,
        ActorKind.MerchantUser => "merchant user",
        ActorKind.ApiKey => "API key",
        ActorKind.CustomerPayment => "customer payment",
        ActorKind.Clock => "clock (deadline passed)",
        ActorKind.PaymentProvider => "payment provider",
        _ => entry.ActorKind.ToString(),
    };

    /// <summary>One entry per day of the last <see cref="ChartDays"/> days, today included, zero where nothing completed.</summary>
    private async Task<IReadOnlyList<DailyCount>> CompletedPerDayAsync(MerchantCaller caller, Guid id, TimeZoneInfo zone, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = LocalDays.DayOf(now, zone);
        var since = now.AddDays(-ChartDays - 1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owned = db.PaymentLinks.OwnedBy(caller);
        var finished = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.LinkId == id && a.Status == PaymentStatus.Completed && a.FinishedAt >= since && owned.Any(l => l.Id == id))
            .Select(a => a.FinishedAt!.Value).ToListAsync(ct);
        var perDay = finished.GroupBy(at => LocalDays.DayOf(at, zone)).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, ChartDays).Select(i => today.AddDays(i - ChartDays + 1))
            .Select(day => new DailyCount(day, perDay.GetValueOrDefault(day))).ToList();
    }
}
