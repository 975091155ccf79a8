using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Infrastructure.Payments;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Test mode and live mode in the dashboard: the switch, the banner, and two worlds that never mix.</summary>
[Collection(AppCollection.Name)]
public sealed class ModeTests(AppFixture app)
{
    [Fact]
    public async Task Switching_modes_shows_each_modes_own_links_figures_and_export_and_a_live_link_waits_for_a_provider()
    {
        var session = await DashboardSession.StartAsync(app, "Mode Mosaics");
        var page = session.Page;
        var testLink = await session.CreateLinkAsync("Test tile");
        var payments = app.Services.GetRequiredService<PaymentService>();
        await payments.CompleteAsync((await payments.StartAsync(testLink.PublicId)).Value.Id);
        var banner = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "you are looking at test data" });
        var testMode = page.GetByLabel("Test mode");

        // A new merchant starts in test mode, as at Stripe.
        await session.OpenAsync("links");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(testMode).ToBeCheckedAsync();
        await Expect(session.Row("Test tile")).ToBeVisibleAsync();

        await testMode.ClickAsync();

        await Expect(testMode).Not.ToBeCheckedAsync();
        await Expect(banner).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "No links yet" })).ToContainTextAsync("none is connected yet");
        await session.OpenAsync("links/new");
        await page.GetByLabel("Title").FillAsync("Live tile");
        await page.GetByLabel("Amount").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("none is connected (or Stripe stopped accepting its key): see Payment provider (/settings/payments)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live tile" })).ToBeVisibleAsync();
        await session.OpenAsync("links");
        await Expect(session.Row("Live tile")).ToBeVisibleAsync();
        await Expect(session.Row("Test tile")).ToHaveCountAsync(0);
        await session.OpenAsync("");
        await Expect(page.GetByTestId("total-EUR")).ToHaveCountAsync(0);
        await session.OpenAsync("payments");
        Assert.Single(await ExportAsync(page)); // the header alone

        await testMode.ClickAsync();

        await Expect(banner).ToBeVisibleAsync();
        await Expect(session.Row("Test tile")).ToBeVisibleAsync();
        await Expect(session.Row("Live tile")).ToHaveCountAsync(0);
        await session.OpenAsync("");
        await Expect(page.GetByTestId("total-EUR")).ToContainTextAsync("12.50");
        await session.OpenAsync("payments");
        var csv = await ExportAsync(page);
        Assert.Equal(2, csv.Length);
        Assert.Contains("Test tile", csv[1]);
    }

    [Fact]
    public async Task A_test_links_checkout_pages_carry_the_test_ribbon()
    {
        var (_, merchant) = await app.NewMerchantAsync("Ribbon Rugs");
        var link = (await app.Links.CreateAsync(merchant, new() { Title = "Test rug", Amount = 9m, Currency = "EUR" }, publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);
        var ribbon = customer.Page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Test payment" });

        await customer.OpenAsync(link.PublicId);
        await Expect(ribbon).ToHaveTextAsync("Test payment — no money moves");
        await customer.PayAsync();
        await Expect(ribbon).ToBeVisibleAsync();
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");
        await Expect(ribbon).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
    }

    private static async Task<string[]> ExportAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        return (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
