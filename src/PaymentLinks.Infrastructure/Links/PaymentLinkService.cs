using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Expiry;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>
/// The merchant-side operations on links, shared by the dashboard and the API. Every call is scoped to
/// the caller's merchant: another merchant's link is simply not found.
/// </summary>
public sealed class PaymentLinkService(
    IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, LinkExpiry expiry, TimeProvider clock,
    IOptions<LinkOptions> options, ILinkEvents events)
{
    /// <summary>What a new link starts with, before the merchant fills anything in.</summary>
    public LinkSettings NewSettings() => new() { MaxUsages = options.Value.DefaultMaxUsages };

    /// <summary>The address customers open to pay this link.</summary>
    public string PublicUrlOf(LinkView link) => options.Value.UrlFor(link.PublicId);

    public async Task<Result<LinkView>> CreateAsync(MerchantCaller caller, LinkSettings settings, bool publish, CancellationToken ct = default)
    {
        var created = await writes.RunAsync<Result<LinkView>>(async (db, now) =>
        {
            var link = PaymentLink.Create(caller.MerchantId, settings, publish, now, caller.Actor);
            if (!link.IsSuccess)
                return link.Refusal;
            db.PaymentLinks.Add(link.Value);
            await db.SaveChangesAsync(ct);
            return LinkView.Of(link.Value, now);
        }, ct);
        PublishCreated(caller, created);
        return created;
    }

    /// <summary>Saves new settings if nobody changed the link since <paramref name="expectedVersion"/> was read.</summary>
    public Task<Result<LinkView>> EditAsync(MerchantCaller caller, Guid id, LinkSettings settings, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(caller, id, LinkChangeKind.Edited, (link, now) => link.Edit(settings, now, caller.Actor), ct, expectedVersion);

    public Task<Result<LinkView>> ApplyAsync(MerchantCaller caller, Guid id, LinkTrigger action, CancellationToken ct = default) =>
        ChangeAsync(caller, id, LinkChangeKind.StatusChanged, (link, now) =>
        {
            var moved = link.Apply(action, now, caller.Actor);
            return moved.IsSuccess ? Result.Ok : moved.Refusal;
        }, ct);

    /// <summary>
    /// New settings and/or a new state in one change (the API's PATCH): all of it is saved, or, when any
    /// part is refused, none of it. With <paramref name="expectedVersion"/>, only if nobody changed it since.
    /// </summary>
    public Task<Result<LinkView>> UpdateAsync(
        MerchantCaller caller, Guid id, Func<LinkSettings, LinkSettings>? edit, LinkStatus? target, int? expectedVersion = null,
        CancellationToken ct = default) =>
        ChangeAsync(caller, id, LinkChangeKind.Edited, (link, now) =>
        {
            if (edit is not null && link.Edit(edit(link.CurrentSettings()), now, caller.Actor) is { IsSuccess: false } edited)
                return edited;
            if (target is { } status && link.MoveTo(status, now, caller.Actor) is { IsSuccess: false } moved)
                return moved.Refusal;
            return Result.Ok;
        }, ct, expectedVersion, saveWhenRefused: false);

    /// <summary>Moves the link to a state, by whichever action leads there (the API's status updates).</summary>
    public Task<Result<LinkView>> MoveToAsync(
        MerchantCaller caller, Guid id, LinkStatus target, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(caller, id, LinkChangeKind.StatusChanged, (link, now) =>
        {
            var moved = link.MoveTo(target, now, caller.Actor);
            return moved.IsSuccess ? Result.Ok : moved.Refusal;
        }, ct, expectedVersion);

    public Task<Result<LinkView>> PublishAsync(MerchantCaller caller, Guid id, CancellationToken ct = default) => ApplyAsync(caller, id, LinkTrigger.Publish, ct);
    public Task<Result<LinkView>> UnpublishAsync(MerchantCaller caller, Guid id, CancellationToken ct = default) => ApplyAsync(caller, id, LinkTrigger.Unpublish, ct);
    public Task<Result<LinkView>> DisableAsync(MerchantCaller caller, Guid id, CancellationToken ct = default) => ApplyAsync(caller, id, LinkTrigger.Disable, ct);
    public Task<Result<LinkView>> EnableAsync(MerchantCaller caller, Guid id, CancellationToken ct = default) => ApplyAsync(caller, id, LinkTrigger.Enable, ct);
    public Task<Result<LinkView>> ArchiveAsync(MerchantCaller caller, Guid id, CancellationToken ct = default) => ApplyAsync(caller, id, LinkTrigger.Archive, ct);
    public Task<Result<LinkView>> ExpireNowAsync(MerchantCaller caller, Guid id, CancellationToken ct = default) => ApplyAsync(caller, id, LinkTrigger.ExpireNow, ct);

    /// <summary>A new draft with the same configuration; works from any state, terminal ones included.</summary>
    public async Task<Result<LinkView>> DuplicateAsync(MerchantCaller caller, Guid id, CancellationToken ct = default)
    {
        var copy = await writes.RunAsync<Result<LinkView>>(async (db, now) =>
        {
            var original = await db.PaymentLinks.FirstOrDefaultAsync(l => l.Id == id && l.MerchantId == caller.MerchantId, ct);
            if (original is null)
                return Refusal.NotFound();
            var duplicate = original.DuplicateAsDraft(now, caller.Actor);
            db.PaymentLinks.Add(duplicate);
            await db.SaveChangesAsync(ct);
            return LinkView.Of(duplicate, now);
        }, ct);
        PublishCreated(caller, copy);
        return copy;
    }

    private void PublishCreated(MerchantCaller caller, Result<LinkView> created)
    {
        if (created.IsSuccess)
            events.Publish(new LinkChanged(caller.MerchantId, created.Value.Id, LinkChangeKind.Created));
    }

    /// <summary>A link by its UUID or its public id. Reading it after its deadline persists the expiry.</summary>
    public async Task<Result<LinkView>> GetAsync(MerchantCaller caller, string idOrPublicId, CancellationToken ct = default)
    {
        var link = await FindAsync(caller, idOrPublicId, ct);
        if (link is not null && link.IsDueForExpiry(clock.GetUtcNow()))
        {
            await expiry.ExpireAsync(link.Id, ct);
            link = await FindAsync(caller, idOrPublicId, ct);
        }
        return link is null ? Refusal.NotFound() : LinkView.Of(link, clock.GetUtcNow());
    }

    private async Task<PaymentLink?> FindAsync(MerchantCaller caller, string idOrPublicId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.PaymentLinks.AsNoTracking().Where(l => l.MerchantId == caller.MerchantId);
        return Guid.TryParse(idOrPublicId, out var id)
            ? await query.FirstOrDefaultAsync(l => l.Id == id, ct)
            : await query.FirstOrDefaultAsync(l => l.PublicId == idOrPublicId, ct);
    }

    public async Task<IReadOnlyList<LinkHistoryEntry>> GetHistoryAsync(MerchantCaller caller, Guid id, CancellationToken ct = default)
    {
        await GetAsync(caller, id.ToString(), ct); // persists a due expiry first, so the history shows it
        return await ReadHistoryAsync(caller, id, ct);
    }

    /// <summary>The stored history only, for a caller that has just read the link (and so persisted a due expiry).</summary>
    internal async Task<IReadOnlyList<LinkHistoryEntry>> ReadHistoryAsync(MerchantCaller caller, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.LinkStatusChanges.AsNoTracking()
            .Where(c => c.LinkId == id && db.PaymentLinks.Any(l => l.Id == id && l.MerchantId == caller.MerchantId))
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new LinkHistoryEntry(c.From, c.To, c.At, c.ActorKind, c.ActorId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// One page of the caller's links, filtered by the status each shows now: a link past its deadline is EXPIRED
    /// here although the sweeper has not stored it yet. A read only: nothing is written.
    /// </summary>
    public async Task<Page<LinkView>> ListAsync(MerchantCaller caller, LinkQuery query, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var statuses = query.Statuses is { Count: > 0 } ? query.Statuses : LinkQuery.DefaultStatuses;
        var term = query.Search?.Trim();
        var links = (string.IsNullOrEmpty(term) ? db.PaymentLinks : LinkTitleSearch.Matching(db, term)).AsNoTracking()
            .Where(l => l.MerchantId == caller.MerchantId)
            .Where(PaymentLink.ShowsStatusAt(statuses, now));

        var (skip, take) = (Math.Max(0, query.Skip), Math.Clamp(query.Take, 1, LinkQuery.MaxPageSize));
        // The page's ids first, then its rows: the skipped entries are walked in a covering index (merchant, sort key,
        // id, status, deadline) alone, and only the rows shown are read from the table.
        var pageIds = Sorted(links, query.Sort, query.Descending).Skip(skip).Take(take).Select(l => l.Id);
        var page = await Sorted(db.PaymentLinks.AsNoTracking().Where(l => pageIds.Contains(l.Id)), query.Sort, query.Descending)
            .ToListAsync(ct);
        // A first page that is not full holds every match, so a search that finds a few links is not run twice.
        var total = skip == 0 && page.Count < take ? page.Count
            : string.IsNullOrEmpty(term) ? await LinkCounting.CountAsync(db, caller.MerchantId, statuses, now, ct)
            : await links.CountAsync(ct);
        return new Page<LinkView>(page.Select(l => LinkView.Of(l, now)).ToList(), total);
    }

    private static IQueryable<PaymentLink> Sorted(IQueryable<PaymentLink> links, LinkSort sort, bool descending)
    {
        var ordered = (sort, descending) switch
        {
            (LinkSort.Title, false) => links.OrderBy(l => l.Title),
            (LinkSort.Title, true) => links.OrderByDescending(l => l.Title),
            (LinkSort.Amount, false) => links.OrderBy(l => l.AmountMinor),
            (LinkSort.Amount, true) => links.OrderByDescending(l => l.AmountMinor),
            (LinkSort.ExpiresAt, false) => links.OrderBy(l => l.ExpiresAt),
            (LinkSort.ExpiresAt, true) => links.OrderByDescending(l => l.ExpiresAt),
            (LinkSort.Status, false) => links.OrderBy(l => l.Status),
            (LinkSort.Status, true) => links.OrderByDescending(l => l.Status),
            (LinkSort.Usages, false) => links.OrderBy(l => l.Usages),
            (LinkSort.Usages, true) => links.OrderByDescending(l => l.Usages),
            (_, false) => links.OrderBy(l => l.CreatedAt),
            (_, true) => links.OrderByDescending(l => l.CreatedAt),
        };
        // Ids are UUID v7, so they break ties in creation order and make paging stable.
        return descending ? ordered.ThenByDescending(l => l.Id) : ordered.ThenBy(l => l.Id);
    }

    /// <summary>
    /// Loads the caller's link in a write transaction, lets the aggregate decide, and saves whatever the
    /// aggregate changed — also when it refused (unless told not to), since catching up with the clock is
    /// itself a change. With <paramref name="expectedVersion"/>, a link changed since that version is refused
    /// untouched. Open views hear of it once it has committed.
    /// </summary>
    private async Task<Result<LinkView>> ChangeAsync(
        MerchantCaller caller, Guid id, LinkChangeKind kind, Func<PaymentLink, DateTimeOffset, Result> change, CancellationToken ct,
        int? expectedVersion = null, bool saveWhenRefused = true)
    {
        var (outcome, changed) = await writes.RunOnLinkAsync(id, async (db, now) =>
        {
            var link = await db.PaymentLinks.FirstOrDefaultAsync(l => l.Id == id && l.MerchantId == caller.MerchantId, ct);
            if (link is null)
                return (Result<LinkView>.Fail(Refusal.NotFound()), false);
            if (expectedVersion is { } expected && link.Version != expected)
                return (Result<LinkView>.Fail(Refusal.ChangedBySomeoneElse()), false);
            var versionBefore = link.Version;
            var result = change(link, now);
            if (!result.IsSuccess && !saveWhenRefused)
                return (Result<LinkView>.Fail(result.Refusal), false); // the transaction ends unsaved: nothing of it is kept
            await db.SaveChangesAsync(ct);
            var view = result.IsSuccess ? LinkView.Of(link, now) : Result<LinkView>.Fail(result.Refusal);
            return (view, link.Version != versionBefore);
        }, ct);
        if (changed)
            events.Publish(new LinkChanged(caller.MerchantId, id, kind));
        return outcome;
    }
}
