using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Dashboard.Components.Settings;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class DashboardPagesTests : DashboardTestContext
{
    [Fact]
    public async Task The_detail_page_shows_url_funnel_history_payments_and_chart_from_one_query()
    {
        var link = await Harness.ActiveLinkAsync(Merchant, maxUsages: 5);
        await Harness.Payments.CompleteAsync((await Harness.Payments.StartAsync(link.PublicId)).Value.Id);

        var page = RenderPage<LinkDetailPage>(p => p.Add(d => d.Id, link.Id));

        page.WaitForAssertion(() => Assert.Equal("Workshop seat", page.Find("h1").TextContent.Trim()));
        Assert.EndsWith($"/pay/{link.PublicId}", page.Find(".public-url input").GetAttribute("value"));
        Assert.Equal("1", page.Find("[data-testid=funnel-completed]").TextContent.Trim());
        Assert.Equal("1 / 5", page.Find("[data-testid=usage]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=history-entry]"));
        Assert.Contains("COMPLETED", page.Find("[aria-label='Payments']").TextContent);
        Assert.Contains("1 completed payments over the last 30 days, 1 today", page.Find("[data-testid=payments-chart]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_detail_pages_payments_come_ten_to_a_page()
    {
        var link = await Harness.ActiveLinkAsync(Merchant);
        for (var i = 0; i < 12; i++)
            await Harness.Payments.StartAsync(link.PublicId);

        var page = RenderPage<LinkDetailPage>(p => p.Add(d => d.Id, link.Id));

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("[aria-label='Payments table'] tbody tr").Count));
        Assert.Contains("1–10 of 12", page.Find(".mud-table-pagination").TextContent);
        await page.InvokeAsync(() => page.Find("button[aria-label='Next page']").Click());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[aria-label='Payments table'] tbody tr").Count));
    }

    [Fact]
    public async Task A_link_without_completed_payments_says_so_instead_of_drawing_an_empty_chart()
    {
        var link = await Harness.ActiveLinkAsync(Merchant);
        await Harness.Payments.StartAsync(link.PublicId);

        var page = RenderPage<LinkDetailPage>(p => p.Add(d => d.Id, link.Id));

        page.WaitForAssertion(() => Assert.Contains("No completed payments in these days yet.", page.Find("[data-testid=payments-chart-empty]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=payments-chart]"));
        Assert.Equal("1", page.Find("[data-testid=funnel-attempts]").TextContent.Trim());
    }

    [Fact]
    public async Task Another_merchants_link_is_not_found_on_the_detail_page()
    {
        var stranger = await Harness.NewMerchantAsync("Stranger");
        var theirs = await Harness.ActiveLinkAsync(stranger);

        var page = RenderPage<LinkDetailPage>(p => p.Add(d => d.Id, theirs.Id));

        page.WaitForAssertion(() => Assert.Equal("Not found", page.Find("h1").TextContent.Trim()));
        Assert.DoesNotContain("Workshop seat", page.Markup);
    }

    [Fact]
    public void The_account_page_starts_with_the_merchants_name_and_zone()
    {
        var page = RenderAccountPage();

        Assert.Equal("Component Shop", page.Find("#business-name").GetAttribute("value"));
        Assert.StartsWith("UTC", page.Find("#time-zone").GetAttribute("value"));
    }

    [Fact]
    public async Task The_api_keys_page_lists_keys_by_name_and_prefix_only()
    {
        var created = (await Harness.Services.GetRequiredService<ApiKeyService>().CreateAsync(Merchant, "Warehouse")).Value;

        var page = RenderPage<ApiKeysPage>();

        page.WaitForAssertion(() => Assert.Contains("Warehouse", page.Find("[aria-label='API keys']").TextContent));
        Assert.Contains(created.Key.Prefix, page.Markup);
        Assert.DoesNotContain(created.Secret, page.Markup);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_return_secret_which_signs_live_returns_too_is_on_the_api_keys_page_only_for_those_with_live_mode(bool grantedLive)
    {
        var secret = await Harness.Services.GetRequiredService<MerchantProfiles>().ReturnSecretAsync(Merchant.MerchantId);
        await Harness.Services.GetRequiredService<ApiKeyService>().CreateAsync(Merchant, "Warehouse");
        UseSession(SessionAs(MemberRole.Developer, grantedLive: grantedLive));

        var page = RenderPage<ApiKeysPage>();

        // The secret is read after the keys: the page is checked once it has both.
        page.WaitForAssertion(() => Assert.Contains("Warehouse", page.Find("[aria-label='API keys']").TextContent));
        page.WaitForAssertion(() => Assert.Equal(grantedLive,
            page.Find("[role='region'][aria-label='Return signing secret']").TextContent.Contains(secret[^4..]))); // masked to its kind and last four
        var region = page.Find("[role='region'][aria-label='Return signing secret']");
        Assert.Equal(grantedLive, region.QuerySelectorAll("button").Any(b => b.TextContent.Contains("Roll")));
        Assert.Equal(!grantedLive, region.TextContent.Contains("signs live returns too"));
    }

    [Fact]
    public async Task The_webhooks_page_shows_each_endpoint_with_its_signing_secret()
    {
        await Harness.Services.GetRequiredService<WebhookService>().AddEndpointAsync(Merchant, "https://hooks.example/in");

        var page = RenderPage<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Contains("https://hooks.example/in", page.Find("[aria-label='Endpoints']").TextContent));
        Assert.Contains("whsec_", page.Find("[aria-label='Endpoints']").TextContent);
        Assert.Contains("Nothing delivered yet.", page.Markup);
    }
}
