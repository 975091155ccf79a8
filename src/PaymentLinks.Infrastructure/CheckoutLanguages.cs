using System.Globalization;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Infrastructure;

/// <summary>
/// The languages a customer can read the checkout and their mail in (each has its <c>CheckoutText.{name}.resx</c> and
/// <c>CustomerMailText.{name}.resx</c>, all complete), and what a page needs to know of one: its direction, and its name
/// in its own words for a menu.
/// </summary>
public static class CheckoutLanguages
{
    public const string Default = CheckoutLanguageNames.Default;

    public static IReadOnlyList<string> Names => CheckoutLanguageNames.All;

    public static IReadOnlyList<CultureInfo> Cultures { get; } = Names.Select(CultureInfo.GetCultureInfo).ToList();

    public static bool IsKnown(string? name) => CheckoutLanguageNames.IsKnown(name);

    /// <summary>The culture of one of ours, else English's: a stored name is never trusted to be a culture.</summary>
    public static CultureInfo CultureOf(string? name) => CultureInfo.GetCultureInfo(IsKnown(name) ? name! : Default);

    /// <summary>
    /// What a browser may ask for that is one of ours by another name: a language alone where ours are its variants, and
    /// names older than the ones ICU knows. Regional variants ("ar-SA", "es-MX", "zh-TW") reach ours by their parents.
    /// </summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pt"] = "pt-BR", ["zh"] = "zh-Hans", ["no"] = "nb", ["nn"] = "nb", ["tl"] = "fil", ["iw"] = "he", ["in"] = "id",
    };

    /// <summary>Spanish as written in the Americas, which ICU makes a child of Spain's Spanish rather than of "es-419".</summary>
    private static readonly HashSet<string> LatinAmericanSpanish = new(StringComparer.OrdinalIgnoreCase)
    {
        "es-AR", "es-BO", "es-CL", "es-CO", "es-CR", "es-CU", "es-DO", "es-EC", "es-GT", "es-HN", "es-MX", "es-NI", "es-PA",
        "es-PE", "es-PR", "es-PY", "es-SV", "es-US", "es-UY", "es-VE",
    };

    public static string Canonical(string name) =>
        LatinAmericanSpanish.Contains(name) ? "es-419" : Aliases.GetValueOrDefault(name, name);

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    public static string Direction(CultureInfo culture) => IsRightToLeft(culture) ? "rtl" : "ltr";

    /// <summary>The language's name as its readers write it, capitalised as a menu entry: "Deutsch", "español (Latinoamérica)".</summary>
    public static string OwnName(CultureInfo culture) =>
        culture.NativeName.Length == 0 ? culture.Name : char.ToUpper(culture.NativeName[0], culture) + culture.NativeName[1..];
}
