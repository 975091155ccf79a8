using Bunit;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Dashboard.Tests.Services;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class LinksPageTests : DashboardTestContext
{
    [Fact]
    public async Task The_list_shows_each_link_with_its_badge_usage_and_public_id()
    {
        var active = await Harness.ActiveLinkAsync(Merchant, maxUsages: 5);
        var attempt = (await Harness.Payments.StartAsync(active.PublicId)).Value;
        await Harness.Payments.CompleteAsync(attempt.Id);
        await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Draft poster"), publish: false);

        var page = Render<LinksPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".rz-data-row").Count));
        var rows = page.FindAll(".rz-data-row");
        Assert.Contains("Draft poster", rows[0].TextContent);
        Assert.Equal("DRAFT", rows[0].QuerySelector("[data-testid=status-badge]")!.TextContent);
        Assert.Contains("Workshop seat", rows[1].TextContent);
        Assert.Contains(active.PublicId, rows[1].TextContent);
        Assert.Equal("ACTIVE", rows[1].QuerySelector("[data-testid=status-badge]")!.TextContent);
        Assert.Equal("1 / 5", rows[1].QuerySelector("[data-testid=usage]")!.TextContent);
        Assert.Contains("49.90 EUR", rows[1].TextContent);
    }

    [Fact]
    public void A_merchant_without_links_is_invited_to_create_the_first_one()
    {
        var page = Render<LinksPage>();

        page.WaitForAssertion(() => Assert.Equal("links/new", page.Find(".empty-state a").GetAttribute("href")));
        Assert.Contains("Create your first link", page.Find(".empty-state").TextContent);
        Assert.Empty(page.FindAll(".rz-data-row"));
    }
}
