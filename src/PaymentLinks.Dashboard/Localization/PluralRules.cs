using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>CLDR's plural categories: which form of a counted word a number takes.</summary>
public enum PluralCategory { Zero, One, Two, Few, Many, Other }

/// <summary>
/// The CLDR plural rules of the dashboard's languages, for whole numbers. A counted word is a family key per category its
/// language has: <c>Days.Plural.One</c> and <c>Days.Plural.Other</c>, Arabic's <c>Days.Plural.Two</c>, <c>Days.Plural.Few</c> …
/// </summary>
public static class PluralRules
{
    public static PluralCategory CategoryOf(int count, CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "fr" or "pt" => count is 0 or 1 ? PluralCategory.One : PluralCategory.Other,
        "ar" => Arabic(count),
        // English's too for a language the dashboard does not speak: its words are English's.
        _ => count == 1 ? PluralCategory.One : PluralCategory.Other,
    };

    private static PluralCategory Arabic(int count) => (count, count % 100) switch
    {
        (0, _) => PluralCategory.Zero,
        (1, _) => PluralCategory.One,
        (2, _) => PluralCategory.Two,
        (_, >= 3 and <= 10) => PluralCategory.Few,
        (_, >= 11 and <= 99) => PluralCategory.Many,
        _ => PluralCategory.Other,
    };

    /// <summary>"3 Tage", "ساعتين": the count in the form its number takes in the page's language, written as that language writes numbers.</summary>
    public static string Count(this IStringLocalizer words, string word, int count)
    {
        var form = words[$"{word}.Plural.{CategoryOf(count, CultureInfo.CurrentUICulture)}"];
        return string.Format(CultureInfo.CurrentCulture, form.Value, count.ToString("N0", CultureInfo.CurrentCulture));
    }
}
