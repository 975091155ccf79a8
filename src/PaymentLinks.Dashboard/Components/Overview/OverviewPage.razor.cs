using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PaymentLinks.Dashboard.Components.Payments;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Overview;

namespace PaymentLinks.Dashboard.Components.Overview;

/// <summary>
/// The dashboard's home: the last days' takings and payments as charts, conversion, the links about to run out and
/// the latest payments, each leading to the list behind it. It reads again whenever one of the merchant's links changes.
/// </summary>
public sealed partial class OverviewPage
{
    private OverviewFigures? _figures;
    private LiveRefresh? _live;
    private List<ChartSeries<double>> _countSeries = [];
    private List<ChartSeries<double>> _amountSeries = [];
    private string[] _labels = [];

    private readonly BarChartOptions _countOptions = DailyCharts.CountOptions();
    // Amounts of several currencies share one axis, each its own line.
    private readonly LineChartOptions _amountOptions = new() { MaxNumYAxisTicks = 5, YAxisFormat = "N0", ShowLegend = true };

    [Inject] private MerchantOverview Overview { get; set; } = default!;
    [Inject] private ILinkEvents Events { get; set; } = default!;
    [Inject] private IStringLocalizer<LayoutText> T { get; set; } = default!;
    [CascadingParameter] public MerchantContext Merchant { get; set; } = default!;

    private string CompletedSince => "payments" + new PaymentFilter(null, PaymentStatus.Completed, _figures?.Since, null, null).ToQueryString();

    protected override Task OnParametersSetAsync() => LoadAsync();

    // Subscribed before the first load, so that no change falls between what the page read and what it hears.
    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
            _live = new(Events, Merchant.Caller.MerchantId, _ => true, InvokeAsync, async _ =>
            {
                await LoadAsync();
                StateHasChanged();
            });
    }

    private async Task LoadAsync()
    {
        var figures = await Overview.ReadAsync(Merchant.Caller, Merchant.Zone);
        var days = figures.Days;
        _countSeries = [new ChartSeries<double> { Name = T["OverviewPage.CountChart.Series"], Data = new ChartData<double>(days.Select(d => (double)d.Completed).ToList()) }];
        _amountSeries = figures.Totals.Select(total => new ChartSeries<double>
        {
            Name = total.Currency,
            Data = new ChartData<double>(days.Select(d => (double)d.AmountByCurrency.GetValueOrDefault(total.Currency)).ToList()),
        }).ToList();
        _labels = DailyCharts.Labels(days.Select(d => d.Day).ToList());
        _figures = figures;
    }

    private string Payments(int count) => count == 1 ? T["OverviewPage.Payments.One"] : T["OverviewPage.Payments.Other", count];

    private string CountDescription => _figures is { } f
        ? T["OverviewPage.CountChart.Description", f.Days.Sum(d => d.Completed), f.Days.Count, f.Days[^1].Completed]
        : "";

    private string AmountDescription => _figures is { } f && f.Totals.Count > 0
        ? T["OverviewPage.AmountChart.Description", string.Join(T["OverviewPage.AmountChart.Separator"].Value,
            f.Totals.Select(t => T["OverviewPage.AmountChart.Total", Money.Format(t.Amount, t.Currency)].Value))]
        : T["OverviewPage.AmountChart.Empty"];

    public void Dispose() => _live?.Dispose();
}
