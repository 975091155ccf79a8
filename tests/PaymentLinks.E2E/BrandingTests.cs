using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A merchant brands its checkout from the account page; its customers see the logo and the colour.</summary>
[Collection(AppCollection.Name)]
public sealed class BrandingTests(AppFixture app)
{
    private const string Logo = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="40" height="40"><circle cx="5" cy="5" r="4" fill="#7c2d12"/></svg>""";

    [Fact]
    public async Task A_logo_and_accent_set_on_the_account_page_show_on_the_checkout_and_bad_ones_are_refused_by_their_field()
    {
        var session = await DashboardSession.StartAsync(app, "Brand Roasters");
        var link = await session.CreateLinkAsync("House blend");
        await session.OpenAsync("settings/account");
        var page = session.Page;
        var branding = page.GetByRole(AriaRole.Region, new() { Name = "Checkout branding" });

        await LogoUpload.ChooseSvgAsync(page, "Upload logo", """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""");
        await Expect(branding.GetByRole(AriaRole.Alert)).ToContainTextAsync("<script> is not allowed");
        await Expect(branding.GetByText("logo.svg")).ToHaveCountAsync(0); // the refused file is not left on show
        await LogoUpload.ChooseSvgAsync(page, "Upload logo", Logo);
        await Expect(branding.GetByRole(AriaRole.Img, new() { Name = "Your logo" })).ToBeVisibleAsync();

        await page.GetByLabel("Accent colour").FillAsync("#12");
        await Expect(branding.Locator(".accent-preview-none")).ToBeVisibleAsync(); // no colour shown for one that is not
        await page.GetByLabel("Colour picker").FillAsync("#14532d");
        await Expect(page.GetByLabel("Accent colour")).ToHaveValueAsync("#14532d");
        await Expect(branding.Locator(".accent-preview")).ToHaveCSSAsync("background-color", "rgb(20, 83, 45)");
        await page.GetByLabel("Accent colour").FillAsync("#fde68a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".field:has(#accent)")).ToContainTextAsync("too light for white text");
        await page.GetByLabel("Accent colour").FillAsync("#7c2d12");
        await Expect(page.Locator(".field:has(#accent)")).Not.ToContainTextAsync("too light");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Account saved" })).ToBeVisibleAsync();
        await Expect(session.Snackbar).ToHaveCountAsync(0); // axe would judge the snackbars' colours halfway through their fade
        await Axe.AssertNoSeriousViolationsAsync(page);

        var customer = await CustomerCheckout.StartAsync(app);
        await customer.OpenAsync(link.PublicId);
        await Expect(customer.Page.Locator("img.merchant-logo")).ToBeVisibleAsync();
        Assert.True(await customer.Page.Locator("img.merchant-logo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await Expect(customer.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Pay ") })).ToHaveCSSAsync("background-color", "rgb(124, 45, 18)");
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
    }
}
