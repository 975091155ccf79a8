using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Dashboard.Time;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>"in 3 days", "5 minutes ago" in each of the dashboard's languages, each count in the form its number takes there.</summary>
public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly Microsoft.Extensions.Localization.IStringLocalizer<RelativeTimeText> Words = ResxWords.Of<RelativeTimeText>();

    [Theory]
    [InlineData("en", -10, "just now")]
    [InlineData("en", 10, "in a moment")]
    [InlineData("en", -60, "1 minute ago")]
    [InlineData("en", -5 * 60, "5 minutes ago")]
    [InlineData("en", 3 * 86400, "in 3 days")]
    [InlineData("en", -1 * 86400, "1 day ago")]
    [InlineData("en", -3 * 365 * 86400, "3 years ago")]
    [InlineData("de", -3 * 3600, "vor 3 Stunden")]
    [InlineData("de", -3600, "vor 1 Stunde")]
    [InlineData("de", 3 * 86400, "in 3 Tagen")]
    [InlineData("de", 86400, "in 1 Tag")]
    [InlineData("de", -90 * 86400, "vor 3 Monaten")]
    [InlineData("de", -10, "gerade eben")]
    [InlineData("es", -3 * 3600, "hace 3 horas")]
    [InlineData("es", -3600, "hace 1 hora")]
    [InlineData("es", 3 * 86400, "dentro de 3 días")]
    [InlineData("es", 10, "en un momento")]
    [InlineData("pt-BR", -3 * 3600, "há 3 horas")]
    [InlineData("pt-BR", 86400, "em 1 dia")]
    [InlineData("pt-BR", -90 * 86400, "há 3 meses")]
    [InlineData("pt-BR", -10, "agora mesmo")]
    [InlineData("fr", -3 * 3600, "il y a 3 heures")]
    [InlineData("fr", -3600, "il y a 1 heure")]
    [InlineData("fr", 3 * 86400, "dans 3 jours")]
    [InlineData("fr", -2 * 365 * 86400, "il y a 2 ans")]
    [InlineData("fr", -10, "à l’instant")]
    [InlineData("ar", -3600, "منذ ساعة واحدة")]
    [InlineData("ar", -2 * 3600, "منذ ساعتين")] // the dual: no number
    [InlineData("ar", -3 * 3600, "منذ 3 ساعات")] // 3–10: the plural
    [InlineData("ar", -11 * 86400, "منذ 11 يومًا")] // 11–99: the singular, accusative
    [InlineData("ar", 2 * 86400, "خلال يومين")]
    [InlineData("ar", 5 * 86400, "خلال 5 أيام")]
    [InlineData("ar", -25 * 60, "منذ 25 دقيقة")]
    [InlineData("ar", -10, "قبل لحظات")]
    public void An_instant_is_told_from_now_in_the_pages_language(string language, int secondsFromNow, string expected)
    {
        using var _ = new CultureScope(language);

        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(secondsFromNow), Now, Words));
    }

    [Theory]
    [InlineData("en", "1,000 years ago")]
    [InlineData("de", "vor 1.000 Jahren")]
    [InlineData("ar", "منذ 1٬000 سنة")] // Arabic's thousands separator; 1000 is its "other" form: the singular, genitive
    public void A_large_count_is_written_as_the_language_writes_numbers(string language, string expected)
    {
        using var _ = new CultureScope(language);

        Assert.Equal(expected, RelativeTime.Describe(Now.AddDays(-1000 * 365.25), Now, Words));
    }
}
