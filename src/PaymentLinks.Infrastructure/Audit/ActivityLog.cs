using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Audit;

public sealed record ActivityEntry(
    long Id, DateTimeOffset At, ActorKind ActorKind, string? ActorId, string? ActorLabel, string? Address, string Kind, string? SubjectId,
    string Summary, string? Changes);

/// <summary>
/// Which entries to show. <paramref name="Kind"/> is a whole kind (<c>member.role_changed</c>) or its group
/// (<c>member</c>); <paramref name="Who"/> a member's user id or a key's id; <paramref name="Subject"/> what it was done to.
/// </summary>
public sealed record ActivityFilter(string? Kind = null, string? Who = null, string? Subject = null, DateTimeOffset? From = null, DateTimeOffset? Until = null);

/// <summary>Reading the audit log: a business's entries of the mode viewed (and those of no mode), newest first.</summary>
public sealed class ActivityLog(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int PageSize = 50;
    private const int LargestPage = 500;

    /// <summary>Entries older than <paramref name="before"/> (an entry's id; none for the newest), at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<ActivityEntry>> PageAsync(
        MerchantCaller caller, ActivityFilter filter, long? before = null, int take = PageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ViewActivity, clock.GetUtcNow(), ct) is not null)
            return [];
        return await Page(db, caller, filter, before, Math.Clamp(take, 1, LargestPage)).ToListAsync(ct);
    }

    /// <summary>
    /// Every matching entry, newest first, read a page at a time by id: an export of a year's log holds neither one long
    /// read open nor the whole log in memory, and what is written meanwhile (newer) cannot shift the pages.
    /// </summary>
    public async IAsyncEnumerable<ActivityEntry> StreamAsync(MerchantCaller caller, ActivityFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ViewActivity, clock.GetUtcNow(), ct) is not null)
            yield break;
        long? before = null;
        while (true)
        {
            var page = await Page(db, caller, filter, before, LargestPage).ToListAsync(ct);
            foreach (var entry in page)
                yield return entry;
            if (page.Count < LargestPage)
                yield break;
            before = page[^1].Id;
        }
    }

    private static IQueryable<ActivityEntry> Page(AppDbContext db, MerchantCaller caller, ActivityFilter filter, long? before, int take)
    {
        var entries = db.AuditEntries.AsNoTracking()
            .Where(e => e.MerchantId == caller.MerchantId && (e.Livemode == null || e.Livemode == caller.Livemode));
        if (before is { } older)
            entries = entries.Where(e => e.Id < older);
        if (filter.Kind is { Length: > 0 } kind)
        {
            var group = kind + ".";
            entries = entries.Where(e => e.Kind == kind || e.Kind.StartsWith(group));
        }
        if (filter.Who is { Length: > 0 } who)
            entries = entries.Where(e => e.ActorId == who);
        if (filter.Subject is { Length: > 0 } subject)
            entries = entries.Where(e => e.SubjectId == subject);
        if (filter.From is { } from)
            entries = entries.Where(e => e.At >= from);
        if (filter.Until is { } until)
            entries = entries.Where(e => e.At < until);
        return entries.OrderByDescending(e => e.Id).Take(take)
            .Select(e => new ActivityEntry(e.Id, e.At, e.ActorKind, e.ActorId, e.ActorLabel, e.Address, e.Kind, e.SubjectId, e.Summary, e.Changes));
    }

    /// <summary>Everyone who acted in the business (members and keys, by the names they had), for the filter.</summary>
    public async Task<IReadOnlyList<(string Id, string Label)>> ActorsAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ViewActivity, clock.GetUtcNow(), ct) is not null)
            return [];
        var named = await db.AuditEntries.AsNoTracking()
            .Where(e => e.MerchantId == caller.MerchantId && e.ActorId != null)
            .Select(e => new { Id = e.ActorId!, e.ActorLabel }).Distinct()
            .ToListAsync(ct);
        return named.GroupBy(a => a.Id)
            .Select(g => (g.Key, string.Join(" / ", g.Select(a => a.ActorLabel ?? g.Key).Distinct())))
            .OrderBy(a => a.Item2, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
