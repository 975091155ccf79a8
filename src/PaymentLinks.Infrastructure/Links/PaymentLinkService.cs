using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Expiry;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>
/// The merchant-side operations on links, shared by the dashboard and the API. Every call is scoped to
/// the caller's merchant and mode: another merchant's link, or the other mode's, is simply not found.
/// </summary>
public sealed class PaymentLinkService(
    IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, LinkExpiry expiry, TimeProvider clock,
    IOptions<LinkOptions> options, LiveProviders providers)
{
    /// <summary>What a new link starts with, before the merchant fills anything in.</summary>
    public LinkSettings NewSettings() => new() { MaxUsages = options.Value.DefaultMaxUsages };

    /// <summary>The address customers open to pay this link.</summary>
    public string PublicUrlOf(LinkView link) => options.Value.UrlFor(link.PublicId);

    public async Task<Result<LinkView>> CreateAsync(MerchantCaller caller, LinkSettings settings, bool publish, CancellationToken ct = default)
    {
        return await writes.RunAsync<Result<LinkView>>(async (db, now) =>
        {
            if (await db.RefusalAsync(caller, Permission.EditLinks, now, ct) is { } notAllowed)
                return notAllowed;
            var link = PaymentLink.Create(caller.MerchantId, caller.Livemode, settings, publish, now, caller.Actor);
            if (!link.IsSuccess)
                return link.Refusal;
            if (await providers.RefusalForAsync(link.Value, before: null, ct) is { } noProvider)
                return noProvider;
            db.PaymentLinks.Add(link.Value);
            await LinkAudit.CreatedAsync(db, caller, now, link.Value, ct);
            await db.SaveChangesAsync(ct);
            return LinkView.Of(link.Value, now);
        }, ct);
    }

    /// <summary>Saves new settings if nobody changed the link since <paramref name="expectedVersion"/> was read.</summary>
    public Task<Result<LinkView>> EditAsync(MerchantCaller caller, LinkRef id, LinkSettings settings, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(caller, id, Permission.EditLinks, (link, now) => link.Edit(settings, now, caller.Actor), ct, expectedVersion);

    public Task<Result<LinkView>> ApplyAsync(MerchantCaller caller, LinkRef id, LinkTrigger action, CancellationToken ct = default) =>
        ChangeAsync(caller, id, RolePermissions.NeededFor(action), (link, now) =>
        {
            var moved = link.Apply(action, now, caller.Actor);
            return moved.IsSuccess ? Result.Ok : moved.Refusal;
        }, ct);

    /// <summary>
    /// New settings and/or a new state in one change (the API's PATCH): all of it is saved, or, when any
    /// part is refused, none of it. <paramref name="edit"/> may refuse settings it cannot read. With
    /// <paramref name="expectedVersion"/>, only if nobody changed it since.
    /// </summary>
    public Task<Result<LinkView>> UpdateAsync(
        MerchantCaller caller, LinkRef id, Func<LinkSettings, Result<LinkSettings>>? edit, LinkStatus? target, int? expectedVersion = null,
        CancellationToken ct = default) =>
        ChangeAsync(caller, id, RolePermissions.NeededToReach(target), (link, now) =>
        {
            if (edit is not null)
            {
                var settings = edit(link.CurrentSettings());
                var edited = settings.IsSuccess ? link.Edit(settings.Value, now, caller.Actor) : settings.Refusal;
                if (!edited.IsSuccess)
                    return edited;
            }
            if (target is { } status && link.MoveTo(status, now, caller.Actor) is { IsSuccess: false } moved)
                return moved.Refusal;
            return Result.Ok;
        }, ct, expectedVersion, saveWhenRefused: false);

    /// <summary>Moves the link to a state, by whichever action leads there (the API's status updates).</summary>
    public Task<Result<LinkView>> MoveToAsync(
        MerchantCaller caller, LinkRef id, LinkStatus target, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(caller, id, RolePermissions.NeededToReach(target), (link, now) =>
        {
            var moved = link.MoveTo(target, now, caller.Actor);
            return moved.IsSuccess ? Result.Ok : moved.Refusal;
        }, ct, expectedVersion);

    /// <summary>A new draft with the same configuration; works from any state, terminal ones included.</summary>
    public async Task<Result<LinkView>> DuplicateAsync(MerchantCaller caller, LinkRef id, CancellationToken ct = default)
    {
        return await writes.RunAsync<Result<LinkView>>(async (db, now) =>
        {
            var original = await Named(db.PaymentLinks, caller, id).FirstOrDefaultAsync(ct);
            if (original is null)
                return Refusal.NotFound();
            if (await db.RefusalAsync(caller, Permission.EditLinks, now, ct) is { } notAllowed)
                return notAllowed;
            var duplicate = original.DuplicateAsDraft(now, caller.Actor);
            db.PaymentLinks.Add(duplicate);
            await LinkAudit.DuplicatedAsync(db, caller, now, original, duplicate, ct);
            await db.SaveChangesAsync(ct);
            return LinkView.Of(duplicate, now);
        }, ct);
    }

    /// <summary>A link by its UUID or its public id. Reading it after its deadline persists the expiry.</summary>
    public async Task<Result<LinkView>> GetAsync(MerchantCaller caller, LinkRef idOrPublicId, CancellationToken ct = default)
    {
        var link = await FindAsync(caller, idOrPublicId, ct);
        if (link is not null && link.IsDueForExpiry(clock.GetUtcNow()))
        {
            await expiry.ExpireAsync(link.Id, ct);
            link = await FindAsync(caller, idOrPublicId, ct);
        }
        return link is null ? Refusal.NotFound() : LinkView.Of(link, clock.GetUtcNow());
    }

    private async Task<PaymentLink?> FindAsync(MerchantCaller caller, LinkRef link, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Named(db.PaymentLinks.AsNoTracking(), caller, link).FirstOrDefaultAsync(ct);
    }

    // One query per kind of name, so each is answered from its own index.
    private static IQueryable<PaymentLink> Named(IQueryable<PaymentLink> links, MerchantCaller caller, LinkRef link)
    {
        var merchant = links.OwnedBy(caller);
        var publicId = link.Value;
        return link.Id is { } id ? merchant.Where(l => l.Id == id) : merchant.Where(l => l.PublicId == publicId);
    }

    /// <summary>The stored history only, for a caller that has just read the link (and so persisted a due expiry).</summary>
    internal async Task<IReadOnlyList<LinkHistoryEntry>> ReadHistoryAsync(MerchantCaller caller, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owned = db.PaymentLinks.OwnedBy(caller);
        return await db.LinkStatusChanges.AsNoTracking()
            .Where(c => c.LinkId == id && owned.Any(l => l.Id == id))
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
            .OwnedBy(caller)
            .Where(PaymentLink.ShowsStatusAt(statuses, now));

        var (skip, take) = (Math.Max(0, query.Skip), Math.Clamp(query.Take, 1, LinkQuery.MaxPageSize));
        // The page's ids first, then its rows: the skipped entries are walked in a covering index (merchant, sort key,
        // id, status, deadline) alone, and only the rows shown are read from the table.
        var pageIds = Sorted(links, query.Sort, query.Descending).Skip(skip).Take(take).Select(l => l.Id);
        var page = await Sorted(db.PaymentLinks.AsNoTracking().Where(l => pageIds.Contains(l.Id)), query.Sort, query.Descending)
            .ToListAsync(ct);
        // A first page that is not full holds every match, so a search that finds a few links is not run twice.
        var total = skip == 0 && page.Count < take ? page.Count
            : string.IsNullOrEmpty(term) ? await LinkCounting.CountAsync(db, caller, statuses, now, ct)
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
    /// Finds and locks the caller's link (by UUID or public id) in a write transaction, lets the aggregate decide, and
    /// saves whatever the aggregate changed — also when it refused (unless told not to), since catching up with the
    /// clock is itself a change. With <paramref name="expectedVersion"/>, a link changed since that version is refused
    /// untouched. Open views hear of what it changed once it has committed (<see cref="ChangesOnSave"/>).
    /// </summary>
    private async Task<Result<LinkView>> ChangeAsync(
        MerchantCaller caller, LinkRef linkRef, Permission permission, Func<PaymentLink, DateTimeOffset, Result> change, CancellationToken ct,
        int? expectedVersion = null, bool saveWhenRefused = true)
    {
        Guid? id = null;
        return await writes.RunAsync<Result<LinkView>>(async db => id = await db.LockMerchantLinkAsync(caller, linkRef, ct), async (db, now) =>
        {
            var link = id is { } found ? await db.PaymentLinks.FirstAsync(l => l.Id == found, ct) : null;
            if (link is null)
                return Refusal.NotFound();
            if (await db.RefusalAsync(caller, permission, now, ct) is { } notAllowed)
                return notAllowed;
            if (expectedVersion is { } expected && link.Version != expected)
                return Refusal.ChangedBySomeoneElse();
            var before = link.Status;
            var settingsBefore = link.CurrentSettings();
            var result = change(link, now);
            if (result.IsSuccess && await providers.RefusalForAsync(link, before, ct) is { } noProvider)
            {
                db.ChangeTracker.Clear(); // the change made it ACTIVE: none of it is kept
                return noProvider;
            }
            if (!result.IsSuccess && !saveWhenRefused)
            {
                db.ChangeTracker.Clear(); // nothing of it is kept, even if the transaction stores an idempotent answer
                return result.Refusal;
            }
            if (result.IsSuccess)
                await LinkAudit.ChangedAsync(db, caller, now, settingsBefore, before, link, ct);
            await db.SaveChangesAsync(ct);
            return result.IsSuccess ? LinkView.Of(link, now) : result.Refusal;
        }, ct);
    }
}
