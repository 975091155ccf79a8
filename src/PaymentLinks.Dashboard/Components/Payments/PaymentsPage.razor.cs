using Microsoft.AspNetCore.Components;
using MudBlazor;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Dashboard.Exports;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Components.Payments;

/// <summary>
/// Every payment across the merchant's links, newest first, paged on the server. The filters live in the address,
/// so the overview's figures can link here, and the CSV export takes exactly what the grid shows.
/// </summary>
public sealed partial class PaymentsPage
{
    private const int PageSize = 20;
    private MudDataGrid<PaymentRow>? _grid;
    private PaymentFilter? _loaded;
    private string? _linkTitle;
    private Guid? _titleOf;
    private LiveRefresh? _live;

    [Inject] private PaymentLedger Ledger { get; set; } = default!;
    [Inject] private PaymentLinkService Links { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILinkEvents Events { get; set; } = default!;
    [CascadingParameter] public MerchantContext Merchant { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "link")] public string? LinkParameter { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusParameter { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromParameter { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToParameter { get; set; }
    [SupplyParameterFromQuery(Name = "email")] public string? EmailParameter { get; set; }

    private PaymentFilter Filter => PaymentFilter.Parse(LinkParameter, StatusParameter, FromParameter, ToParameter, EmailParameter);

    private string ExportHref => CsvFile.Href(PaymentExportEndpoint.Path, Filter.ToQueryString(), Merchant.Caller.Livemode);

    protected override async Task OnParametersSetAsync()
    {
        var filter = Filter;
        // Parameters are set again whenever the layout re-renders: the chip's title is read only for a new link.
        if (filter.Link != _titleOf)
        {
            _titleOf = filter.Link;
            _linkTitle = filter.Link is { } linkId && await Links.GetAsync(Merchant.Caller, linkId) is { IsSuccess: true } link
                ? link.Value.Title
                : null;
        }
        if (_grid is not null && _loaded is not null && _loaded != filter)
            await _grid.ReloadServerData(); // a filter or Back changed the address
    }

    // Subscribed before the first load, so that no change falls between what the page read and what it hears.
    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
            _live = new(Events, Merchant.Caller.MerchantId, change => change.Is(LinkChangeKind.PaymentStarted | LinkChangeKind.PaymentFinished),
                InvokeAsync, _ => _grid?.ReloadServerData() ?? Task.CompletedTask);
    }

    private async Task<GridData<PaymentRow>> LoadAsync(GridState<PaymentRow> state, CancellationToken ct)
    {
        _loaded = Filter;
        var page = await Ledger.ListAsync(Merchant.Caller, _loaded.ToQuery(Merchant.Zone, state.Page * PageSize, PageSize), ct);
        return new GridData<PaymentRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private void Show(PaymentFilter filter) => Navigation.NavigateTo("payments" + filter.ToQueryString());

    private void ChooseStatus(string status) =>
        Show(Filter with { Status = EnumNames.TryParse<PaymentStatus>(status, out var chosen) ? chosen : null });

    public void Dispose() => _live?.Dispose();
}
