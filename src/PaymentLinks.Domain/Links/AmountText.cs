using System.Globalization;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>
/// Reads an amount the way a person types it, in either half of the world: <c>12,50</c> and <c>12.50</c> are both
/// twelve and a half, <c>1.250,00</c> and <c>1,250.00</c> both twelve hundred and fifty, with spaces or apostrophes
/// between thousands allowed. It reads the number only; whether the currency has that many decimals is the caller's
/// check (<see cref="Currencies.FitsMinorUnits"/>), so a third decimal is refused with a message, never rescaled.
/// </summary>
public static class AmountText
{
    public const int MaxLength = 24;

    /// <summary>
    /// The amount, or null when the text is not one. One separator followed by exactly three digits (<c>1,250</c>)
    /// is the only case both halves read differently: it is a thousands separator when the reader's own decimal
    /// separator (<paramref name="decimalSeparator"/>) is the other one, and a decimal point otherwise, so that a
    /// reader of unknown language gets a third decimal refused rather than a price a thousand times too high.
    /// </summary>
    public static decimal? Read(string? text, string? decimalSeparator = null)
    {
        var compact = Compact(text);
        if (compact is null)
            return null;
        var lastDot = compact.LastIndexOf('.');
        var lastComma = compact.LastIndexOf(',');
        var separator = DecimalSeparatorIn(compact, lastDot, lastComma, decimalSeparator);
        var cut = separator is null ? compact.Length : compact.LastIndexOf(separator.Value);
        var whole = compact[..cut];
        var fraction = separator is null ? "" : compact[(cut + 1)..];
        if (fraction.Length == 0 && separator is not null || !fraction.All(char.IsAsciiDigit))
            return null;
        var digits = whole.Length == 0 && separator is not null ? "0" : WholeDigits(whole); // ",50" is half of one
        return digits is null
            ? null
            : decimal.TryParse(fraction.Length == 0 ? digits : digits + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : null;
    }

    /// <summary>
    /// Without the spaces and apostrophes people put between thousands, and in ASCII digits and separators where it was
    /// typed in Arabic or Persian ones; null when it is empty or too long.
    /// </summary>
    private static string? Compact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
            return null;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('\'' or '’')).Select(WesternDigits.Of));
        return compact.Length == 0 ? null : compact;
    }


    private static char? DecimalSeparatorIn(string compact, int lastDot, int lastComma, string? readersSeparator)
    {
        if (lastDot >= 0 && lastComma >= 0)
            return lastDot > lastComma ? '.' : ',';
        var only = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : (char?)null;
        if (only is not { } single || compact.Count(c => c == single) > 1)
            return null; // no separator, or the same one repeated: thousands (1.250.000)
        var digitsAfter = compact.Length - 1 - compact.IndexOf(single);
        var readerUsesTheOther = readersSeparator is "." or "," && readersSeparator != single.ToString();
        return digitsAfter == 3 && readerUsesTheOther ? null : single;
    }

    /// <summary>The whole part's digits, its thousands separators dropped where they group by three; null otherwise.</summary>
    private static string? WholeDigits(string whole)
    {
        var groups = whole.Split('.', ',');
        if (groups[0].Length == 0 || groups.Any(g => !g.All(char.IsAsciiDigit)))
            return null;
        if (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3) || whole.Contains('.') && whole.Contains(',')))
            return null;
        return string.Concat(groups);
    }
}
