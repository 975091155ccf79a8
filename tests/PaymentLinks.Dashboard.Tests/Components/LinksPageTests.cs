using Bunit;
using PaymentLinks.Dashboard.Components.Links;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Tests.Shared;

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

        var page = RenderPage<LinksPage>();

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        var rows = Rows(page);
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
        var page = RenderPage<LinksPage>();

        page.WaitForAssertion(() => Assert.Contains("Create your first link", page.Find("[aria-label='No links yet']").TextContent));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "links/new" && a.TextContent.Contains("Create your first link"));
        Assert.Empty(Rows(page));
    }

    [Fact]
    public async Task The_address_chooses_statuses_sort_and_page()
    {
        for (var i = 1; i <= 26; i++) // every fifth a draft: 21 ACTIVE, the 21st on page 2
            await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: $"Mug {i:00}"), publish: i % 5 != 0);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("links?status=active&sort=Title&dir=asc&page=2");

        var page = RenderPage<LinksPage>();

        page.WaitForAssertion(() => Assert.Equal(["Mug 26"], Rows(page).Select(r => r.QuerySelector(".link-title")!.TextContent.Trim())));
        Assert.Equal("ACTIVE", Rows(page)[0].QuerySelector("[data-testid=status-badge]")!.TextContent.Trim());
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<LinksPage> page) =>
        page.FindAll("tbody tr").Where(r => r.QuerySelector(".link-title") is not null).ToList();
}
