using System.Globalization;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData(3250L, "EUR", "32.50")]
    [InlineData(1800L, "EUR", "18.00")]
    [InlineData(1000L, "JPY", "1000")]
    [InlineData(12345L, "BHD", "12.345")]
    public void Amounts_read_back_with_the_digits_their_currency_has(long minor, string currency, string shown)
    {
        var amount = Currencies.FromMinorUnits(minor, currency);

        Assert.Equal(shown, amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(minor, Currencies.ToMinorUnits(amount, currency));
    }
}
