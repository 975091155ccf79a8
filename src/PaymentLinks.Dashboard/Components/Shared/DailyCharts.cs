using MudBlazor;
using PaymentLinks.Dashboard.Time;

namespace PaymentLinks.Dashboard.Components.Shared;

/// <summary>What the dashboard's per-day charts (a link's and the overview's) share: their day labels and count axis.</summary>
public static class DailyCharts
{
    /// <summary>Every fifth day is labelled ("8 Nov"), counting back from today, so the axis stays readable on a phone.</summary>
    public static string[] Labels(IReadOnlyList<DateOnly> days) =>
        days.Select((day, i) => (days.Count - 1 - i) % 5 == 0 ? DatePatterns.Day(day) : "").ToArray();

    /// <summary>A rate as every page of the dashboard writes it: "59%", a dash before there is anything to divide.</summary>
    public static string Percent(double? rate) => rate is { } value ? $"{value * 100:0}%" : "—";

    /// <summary>
    /// Whole payments on the axis, a tick per step up to five steps (the default step of 20 flattens small counts);
    /// no legend, as the heading above names the one series. A new instance per chart: MudBlazor keeps state in it.
    /// </summary>
    public static BarChartOptions CountOptions() => new() { YAxisTicks = 1, MaxNumYAxisTicks = 5, YAxisFormat = "0", ShowLegend = false };
}
