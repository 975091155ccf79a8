using System.Collections.Concurrent;
using System.Globalization;

namespace PaymentLinks.Domain.Links;

/// <summary>Amounts with the digits their currency has: "1,500 JPY", "32.50 EUR", "1.234 KWD".</summary>
public static class Money
{
    private static readonly ConcurrentDictionary<(string Culture, string Currency), NumberFormatInfo> Formats = new();

    public static string Format(decimal amount, string currency)
    {
        var digits = Currencies.IsKnown(currency) ? Currencies.MinorUnitDigits(currency) : 2;
        return amount.ToString("N" + digits, CultureInfo.InvariantCulture) + " " + currency;
    }

    /// <summary>
    /// As a reader of <paramref name="culture"/> writes it: their separators and their place for the currency, with the
    /// currency's own decimals ("1.234,50 €" in German, "￥1,500" in Japanese). The symbol is the culture's own only for
    /// its own region's currency; any other goes by its code, which no reader mistakes. So does a dollar where the reader's
    /// country is not known (English, not en-US): "$" is many dollars.
    /// </summary>
    public static string Format(decimal amount, string currency, CultureInfo culture) =>
        amount.ToString("C", Formats.GetOrAdd((culture.Name, currency), key => FormatFor(culture, key.Currency)))
            .Replace(' ', '\u00A0'); // an amount never breaks across lines, "12,50" on one and "€" on the next

    private static NumberFormatInfo FormatFor(CultureInfo culture, string currency)
    {
        var specific = Specific(culture);
        var format = (NumberFormatInfo)specific.NumberFormat.Clone();
        format.CurrencyDecimalDigits = Currencies.IsKnown(currency) ? Currencies.MinorUnitDigits(currency) : 2;
        if (RegionCurrency(specific) != currency || culture.IsNeutralCulture && format.CurrencySymbol.Contains('$'))
        {
            format.CurrencySymbol = currency;
            // A code set against the digits ("USD12.50") reads badly: a space goes between them, as for "12,50 USD".
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var kept => kept };
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 1 => 9, 5 => 8, var kept => kept };
        }
        return NumberFormatInfo.ReadOnly(format);
    }

    /// <summary>A language alone ("ar") formats as its main country does ("ar-SA").</summary>
    private static CultureInfo Specific(CultureInfo culture)
    {
        if (!culture.IsNeutralCulture)
            return culture;
        try
        {
            return CultureInfo.CreateSpecificCulture(culture.Name);
        }
        catch (CultureNotFoundException)
        {
            return culture;
        }
    }

    private static string? RegionCurrency(CultureInfo culture)
    {
        try
        {
            return culture.Name.Length == 0 ? null : new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            return null; // a culture of no one country ("es-419")
        }
    }
}
