using System.Globalization;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>
/// Currencies as the link form offers them: the merchant's recent ones, then the most used in the world, then the rest
/// by code; each with its English name (from the regions ICU knows) so that typing "yen" or "franc" finds it.
/// </summary>
public static class CurrencyNames
{
    /// <summary>The currencies most merchants charge in, in rough order of use.</summary>
    public static readonly IReadOnlyList<string> Common = ["EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN"];

    private static readonly Dictionary<string, string> Names = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => TryRegion(culture.Name))
        .OfType<RegionInfo>()
        .Where(region => Currencies.IsKnown(region.ISOCurrencySymbol))
        .GroupBy(region => region.ISOCurrencySymbol)
        .ToDictionary(group => group.Key, group => group.First().CurrencyEnglishName);

    public static string NameOf(string code) => Names.GetValueOrDefault(code, "");

    /// <summary>What matches <paramref name="typed"/> (code or name), in the order the form shows it.</summary>
    public static IEnumerable<string> Offered(IReadOnlyList<string> recent, string? typed)
    {
        var ordered = recent.Concat(Common).Concat(Currencies.Codes.Order(StringComparer.Ordinal)).Distinct();
        var term = typed?.Trim() ?? "";
        return term.Length == 0
            ? ordered
            : ordered.Where(code => code.StartsWith(term, StringComparison.OrdinalIgnoreCase)
                || NameOf(code).Contains(term, StringComparison.OrdinalIgnoreCase));
    }

    private static RegionInfo? TryRegion(string culture)
    {
        try
        {
            return new RegionInfo(culture);
        }
        catch (ArgumentException)
        {
            return null; // a culture without a region of its own
        }
    }
}
