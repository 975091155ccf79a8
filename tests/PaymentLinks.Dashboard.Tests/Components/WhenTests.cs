using Bunit;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>One way of writing an instant across the dashboard, in the merchant's zone.</summary>
public sealed class WhenTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_table_shows_day_month_and_time_in_the_merchants_zone_with_the_full_date_on_hover()
    {
        var tokyo = InZone("Asia/Tokyo");

        var cell = Render<When>(parameters => parameters.Add(w => w.At, Now).AddCascadingValue(tokyo));

        var time = cell.Find("time");
        Assert.Equal(("3 Dec, 09:30", "3 Dec 2026, 09:30 Asia/Tokyo", "2026-12-03T00:30:00.0000000Z"),
            (time.TextContent, time.GetAttribute("title"), time.GetAttribute("datetime")));
    }

    [Fact]
    public void An_instant_of_another_year_says_its_year()
    {
        var utc = InZone("UTC");

        Assert.Equal("15 Jan 2030, 21:00", utc.Short(new DateTimeOffset(2030, 1, 15, 21, 0, 0, TimeSpan.Zero)));
        Assert.Equal("15 Jan 2030, 21:00 UTC", utc.Absolute(new DateTimeOffset(2030, 1, 15, 21, 0, 0, TimeSpan.Zero)));
    }

    private static MerchantContext InZone(string zone) =>
        new(new MerchantSession(Guid.NewGuid(), "user", "merchant@example.test", "Zoned Shop", zone, false, false, MemberRole.Owner, GrantedLive: true), new FakeTimeProvider(Now),
            Localization.ResxWords.Of<PaymentLinks.Dashboard.Localization.Pages.RelativeTimeText>());
}
