using PaymentLinks.Dashboard.Time;

namespace PaymentLinks.Dashboard.Tests.Localization;

public sealed class DatePatternsTests
{
    [Theory]
    [InlineData("en", "3 Dec 2026, 09:01", "3 Dec, 09:01", "3 Dec")]
    [InlineData("de", "3. Dez. 2026, 09:01", "3. Dez., 09:01", "3. Dez.")]
    [InlineData("fr", "3 déc. 2026, 09:01", "3 déc., 09:01", "3 déc.")]
    [InlineData("ar", "3 ديسمبر 2026، 09:01", "3 ديسمبر، 09:01", "3 ديسمبر")]
    public void A_day_and_time_are_written_with_the_pages_language_month_names(string language, string full, string thisYear, string day)
    {
        var local = new DateTime(2026, 12, 3, 9, 1, 0);
        using var _ = new CultureScope(language);

        Assert.Equal((full, thisYear, day), (DatePatterns.Full(local), DatePatterns.ThisYear(local), DatePatterns.Day(DateOnly.FromDateTime(local))));
    }
}
