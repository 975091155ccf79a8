using PaymentLinks.Dashboard.Exports;

namespace PaymentLinks.Dashboard.Tests.Exports;

public sealed class CsvFileTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Smith, Jane", "\"Smith, Jane\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20 7946 0958", "'+44 20 7946 0958")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void Cells_are_quoted_when_needed_and_never_start_a_formula(string text, string written) =>
        Assert.Equal(written, CsvFile.Cell(text));
}
