using System.Globalization;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>
/// The languages the dashboard speaks, English first (the fallback). Fewer than the checkout's: a merchant's team reads
/// the dashboard every day, so each language here is the whole dashboard, MudBlazor's own words included.
/// </summary>
public static class DashboardLanguages
{
    public const string Default = "en";

    public static IReadOnlyList<string> Names { get; } = [Default, "es", "pt-BR", "fr", "de", "ar"];

    public static IReadOnlyList<CultureInfo> Cultures { get; } = Names.Select(CultureInfo.GetCultureInfo).ToList();

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name);
}
