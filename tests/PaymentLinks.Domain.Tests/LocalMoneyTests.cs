using System.Globalization;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

/// <summary>Amounts as each reader writes them: their separators, their place for the currency, the currency's own decimals.</summary>
public sealed class LocalMoneyTests
{
    [Theory]
    [InlineData("de", 1234.5, "EUR", "1.234,50\u00A0€")]
    [InlineData("fr", 1234.5, "EUR", "1\u202F234,50\u00A0€")]
    [InlineData("en-US", 1234.5, "USD", "$1,234.50")]
    [InlineData("en", 1234.5, "USD", "USD\u00A01,234.50")] // an English reader of any country: "$" is many dollars
    [InlineData("ja", 1500, "JPY", "￥1,500")]
    [InlineData("en", 1.234, "BHD", "BHD\u00A01.234")]
    [InlineData("ar", 1.234, "BHD", "1٫234\u00A0BHD")]
    [InlineData("pt-BR", 30, "BRL", "R$\u00A030,00")]
    public void Reads_as_its_reader_writes_it(string culture, double amount, string currency, string written) =>
        Assert.Equal(written, Money.Format((decimal)amount, currency, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("en", "EUR")]
    [InlineData("ja", "USD")]
    [InlineData("es-419", "MXN")]
    public void A_currency_not_of_the_readers_country_goes_by_its_code_never_a_symbol_of_many(string culture, string currency) =>
        Assert.Contains(currency, Money.Format(25m, currency, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Whole_units_have_no_decimals_and_three_digit_currencies_keep_three() =>
        Assert.Equal(("JPY\u00A01,500", "KWD\u00A01.250"),
            (Money.Format(1500m, "JPY", CultureInfo.GetCultureInfo("en")), Money.Format(1.25m, "KWD", CultureInfo.GetCultureInfo("en"))));
}
