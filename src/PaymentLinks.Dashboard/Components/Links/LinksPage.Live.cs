using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>The links list as changes reach it: rows on the page change in place, the page reloads only when it must.</summary>
public sealed partial class LinksPage
{
    // Rows changed since the page was loaded, shown in place: the grid keeps its rows, so an open row menu stays open.
    private readonly Dictionary<Guid, LinkView> _fresh = [];

    /// <summary>What the list shows of a link: views and started payments are not among it.</summary>
    private const LinkChangeKind ShownParts = LinkChangeKind.Created | LinkChangeKind.Edited | LinkChangeKind.StatusChanged | LinkChangeKind.PaymentFinished;

    private LinkView Current(LinkView row) => _fresh.GetValueOrDefault(row.Id) ?? row;

    /// <summary>
    /// Rows on the page are updated in place; the page is reloaded only when a link may come into it or leave it: a new
    /// one, another link's new status, or a change to the order it is sorted in.
    /// </summary>
    private async Task RefreshFromLiveChangesAsync(IReadOnlyList<LinkChanged> changes)
    {
        if (_hasNoLinksAtAll)
        {
            if (await CountAllAsync() > 0)
            {
                _hasNoLinksAtAll = false;
                StateHasChanged();
            }
            return;
        }
        var shown = _rows.ToDictionary(row => row.Id, Current);
        if (changes.Any(change => !shown.ContainsKey(change.LinkId) && MayMoveIntoPage(change)))
        {
            await ReloadAsync();
            return;
        }
        var changed = changes.Where(c => shown.TryGetValue(c.LinkId, out var row) && row.Version < c.Version).Select(c => c.LinkId).Distinct();
        var fresh = new List<LinkView>();
        foreach (var linkId in changed)
        {
            if (await Links.GetAsync(Merchant.Caller, linkId) is { IsSuccess: true } link)
                fresh.Add(link.Value);
        }
        await ShowAsync(fresh);
        StateHasChanged();
    }

    private bool MayMoveIntoPage(LinkChanged change) =>
        change.Is(LinkChangeKind.Created | LinkChangeKind.StatusChanged)
        || (change.Is(LinkChangeKind.PaymentFinished) && Shown.Sort == LinkSort.Usages)
        || (change.Is(LinkChangeKind.Edited) && Shown.Sort is LinkSort.Title or LinkSort.Amount or LinkSort.ExpiresAt);

    /// <summary>A row as an action left it.</summary>
    private Task ShowActedOnAsync(LinkView link) => ShowAsync([link]);

    /// <summary>Rows as they now stand: in place, or the page again when one of them no longer belongs on it.</summary>
    private async Task ShowAsync(IReadOnlyList<LinkView> links)
    {
        if (links.Any(link => !ShownStatuses.Contains(link.Status)))
        {
            await ReloadAsync(); // a row left the statuses on show
            return;
        }
        foreach (var link in links)
        {
            _fresh[link.Id] = link;
            if (_selected.ContainsKey(link.Id))
                _selected[link.Id] = link;
        }
    }
}
