using System.Globalization;

namespace PaymentLinks.Domain.Links;

/// <summary>Amounts with the digits their currency has: "1,500 JPY", "32.50 EUR", "1.234 KWD".</summary>
public static class Money
{
    public static string Format(decimal amount, string currency)
    {
        var digits = Currencies.IsKnown(currency) ? Currencies.MinorUnitDigits(currency) : 2;
        return amount.ToString("N" + digits, CultureInfo.InvariantCulture) + " " + currency;
    }
}
