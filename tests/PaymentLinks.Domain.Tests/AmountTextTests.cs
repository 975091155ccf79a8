using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

public sealed class AmountTextTests
{
    [Theory]
    [InlineData("12,50", ".", "12.50")]
    [InlineData("12.50", ".", "12.50")]
    [InlineData("12,50", ",", "12.50")]
    [InlineData("12.50", ",", "12.50")]
    [InlineData("1.250,00", ".", "1250.00")]
    [InlineData("1,250.00", ",", "1250.00")]
    [InlineData("1 250,00", ",", "1250.00")]
    [InlineData("1\u202f250,00", ",", "1250.00")]
    [InlineData("1'250.00", ".", "1250.00")]
    [InlineData("1.250.000", ".", "1250000")]
    [InlineData("1500", ".", "1500")]
    [InlineData(" 7 ", ".", "7")]
    [InlineData(",5", ",", "0.5")]
    [InlineData("12.505", ".", "12.505")]
    [InlineData("\u0661\u0662\u066B\u0665\u0660", ".", "12.50")] // ١٢٫٥٠, typed on an Arabic keyboard
    [InlineData("\u06F1\u066C\u06F2\u06F5\u06F0", ".", "1250")] // ۱٬۲۵۰, in Persian digits
    public void Reads_what_the_person_meant(string typed, string decimalSeparator, string meant) =>
        Assert.Equal(decimal.Parse(meant, System.Globalization.CultureInfo.InvariantCulture), AmountText.Read(typed, decimalSeparator));

    [Theory]
    [InlineData("1,250", ".", "1250")]
    [InlineData("1.250", ",", "1250")]
    [InlineData("1,250", ",", "1.250")]
    [InlineData("1.250", ".", "1.250")]
    [InlineData("1,250", null, "1.250")]
    [InlineData("1.250", null, "1.250")]
    public void One_separator_before_three_digits_goes_by_the_readers_language(string typed, string? decimalSeparator, string meant) =>
        Assert.Equal(decimal.Parse(meant, System.Globalization.CultureInfo.InvariantCulture), AmountText.Read(typed, decimalSeparator));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1e3")]
    [InlineData("12.")]
    [InlineData("EUR 12")]
    [InlineData("12,5,0")]
    [InlineData("1,25.00")]
    [InlineData("12.50,00")]
    [InlineData("1.250,000.00")]
    [InlineData("1234,567.00")]
    [InlineData("0x10")]
    [InlineData("１２")]
    [InlineData("12345678901234567890123456")]
    public void Refuses_what_is_not_an_amount(string? typed) => Assert.Null(AmountText.Read(typed, "."));

    [Fact]
    public void A_third_decimal_reaches_the_currency_check_unrounded()
    {
        var read = AmountText.Read("12.505", ".")!.Value;

        Assert.False(Currencies.FitsMinorUnits(read, "EUR"));
        Assert.True(Currencies.FitsMinorUnits(read, "KWD"));
    }
}
