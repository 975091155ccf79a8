using Microsoft.AspNetCore.Components;
using MudBlazor;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>
/// The merchant's links, paged and sorted on the server. What the list shows — page, sort, statuses, search —
/// lives in the URL, so reload, Back and a shared address all show the same list.
/// </summary>
public sealed partial class LinksPage
{
    private const int PageSize = 20;
    private MudDataGrid<LinkView>? _grid;
    private int _pageIndex;
    private bool _hasNoLinksAtAll;
    private readonly Dictionary<Guid, LinkView> _selected = [];
    private IReadOnlyList<LinkView> _rows = [];
    private LiveRefresh? _live;

    [Inject] private PaymentLinkService Links { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILinkEvents Events { get; set; } = default!;

    [CascadingParameter] public MerchantContext Merchant { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }
    /// <summary>Comma-separated statuses shown; none given means every status but ARCHIVED.</summary>
    [SupplyParameterFromQuery(Name = "status")] public string? Statuses { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Direction { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    private IReadOnlyCollection<LinkStatus> ShownStatuses => LinkListAddress.StatusesOf(Statuses);
    private LinkListAddress Shown => new(string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(), ShownStatuses, LinkListAddress.SortOf(Sort), Direction != "asc", Math.Max(1, PageNumber ?? 1));
    private LinkListAddress? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        _pageIndex = Shown.Page - 1;
        if (_loaded is null)
            _hasNoLinksAtAll = await CountAllAsync() == 0;
        else if (_grid is not null && _loaded != Shown)
        {
            // A selection made under another filter or search would act on links no longer in sight.
            if (_loaded.Search != Shown.Search || !_loaded.Statuses.Order().SequenceEqual(Shown.Statuses.Order()))
                _selected.Clear();
            await ShowAddressedListAsync(_grid); // Back, Forward, a filter or the phone's sort menu changed the address
        }
    }

    // Subscribed before the first load, so that no change falls between what the page read and what it hears.
    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
            _live = new(Events, Merchant.Caller.MerchantId, change => change.Is(ShownParts), InvokeAsync, RefreshFromLiveChangesAsync);
    }

    private async Task<GridData<LinkView>> LoadAsync(GridState<LinkView> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var wanted = Shown with
        {
            Sort = sort is null ? LinkSort.CreatedAt : LinkListAddress.SortOf(sort.SortBy),
            Descending = sort?.Descending ?? true,
            Page = state.Page + 1,
        };
        // A page or sort click arrives here first: the address follows, so that Back returns to it.
        if (_loaded is not null && wanted != Shown)
            Navigation.NavigateTo(wanted.ToUri(Navigation), replace: false);
        _loaded = wanted;
        var page = await Links.ListAsync(Merchant.Caller, wanted.ToQuery(PageSize), ct);
        // Only rows on show stay selected: after a filter, a search or another page, nothing hidden is acted on.
        var shownSelected = page.Items.Where(l => _selected.ContainsKey(l.Id)).ToList();
        _selected.Clear();
        foreach (var link in shownSelected)
            _selected[link.Id] = link;
        _rows = page.Items;
        _fresh.Clear();
        return new GridData<LinkView> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task<int> CountAllAsync() =>
        (await Links.ListAsync(Merchant.Caller, new LinkQuery { Statuses = Enum.GetValues<LinkStatus>(), Take = 1 })).TotalCount;

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private void SearchAsync(string? search) =>
        Navigation.NavigateTo((Shown with { Search = search, Page = 1 }).ToUri(Navigation));

    private void FilterAsync(IReadOnlyCollection<LinkStatus>? statuses) =>
        Navigation.NavigateTo((Shown with { Statuses = statuses ?? [], Page = 1 }).ToUri(Navigation));

    private void ToggleSelection(LinkView link)
    {
        if (!_selected.Remove(link.Id))
            _selected[link.Id] = link;
    }

    /// <summary>The header box: checked when every row on the page is selected, mixed when some are.</summary>
    private bool? AllRowsSelected => _selected.Count == 0 ? false : _rows.All(r => _selected.ContainsKey(r.Id)) ? true : null;

    /// <summary>A click selects every row, or clears them all when all were selected (whatever state the box cycles to).</summary>
    private void SelectAllRows(bool? _)
    {
        var selectAll = AllRowsSelected != true;
        _selected.Clear();
        if (selectAll)
        {
            foreach (var row in _rows)
                _selected[row.Id] = row;
        }
    }

    private async Task AfterBulkAsync()
    {
        _selected.Clear();
        await ReloadAsync();
    }

    public void Dispose() => _live?.Dispose();
}
