using System.Globalization;

namespace PaymentLinks.Dashboard.Time;

/// <summary>
/// How the dashboard writes a day and a time in the language of the page, with that language's month names: English's
/// "3 Dec 2026, 09:01", German's "3. Dez. 2026, 09:01", Arabic's "3 ديسمبر 2026، 09:01".
/// </summary>
public static class DatePatterns
{
    private sealed record Patterns(string Full, string ThisYear, string Day);

    private static readonly Patterns Plain = new("d MMM yyyy, HH:mm", "d MMM, HH:mm", "d MMM");

    private static readonly Dictionary<string, Patterns> ByLanguage = new()
    {
        ["de"] = new("d. MMM yyyy, HH:mm", "d. MMM, HH:mm", "d. MMM"),
        ["ar"] = new("d MMM yyyy، HH:mm", "d MMM، HH:mm", "d MMM"),
    };

    private static Patterns Current => ByLanguage.GetValueOrDefault(CultureInfo.CurrentCulture.TwoLetterISOLanguageName, Plain);

    public static string Full(DateTime local) => local.ToString(Current.Full, CultureInfo.CurrentCulture);

    public static string ThisYear(DateTime local) => local.ToString(Current.ThisYear, CultureInfo.CurrentCulture);

    public static string Day(DateOnly day) => day.ToString(Current.Day, CultureInfo.CurrentCulture);
}
