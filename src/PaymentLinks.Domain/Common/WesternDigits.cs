namespace PaymentLinks.Domain.Common;

/// <summary>
/// Numbers typed in Arabic-Indic or Persian digits, with Arabic separators, as the same number in ASCII: a customer on an
/// Arabic or Persian keyboard types an amount, a phone number or a quantity as readily as anyone.
/// </summary>
public static class WesternDigits
{
    public static string Of(string text) => text.Any(IsEastern) ? string.Concat(text.Select(Of)) : text;

    public static char Of(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Persian and Urdu digits
        '\u066B' => '.', // Arabic decimal separator
        '\u066C' => ',', // Arabic thousands separator
        _ => c,
    };

    private static bool IsEastern(char c) => Of(c) != c;
}
