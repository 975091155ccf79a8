using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class SignInAndInteractivityTests(AppFixture app)
{
    [Fact]
    public async Task A_signed_in_merchant_shows_archived_links_without_a_page_reload()
    {
        var (email, merchant) = await app.NewMerchantAsync("Interactive Bakery");
        var settings = new PaymentLinks.Domain.Links.LinkSettings { Title = "Sourdough loaf", Amount = 6.5m, Currency = "EUR" };
        await app.Links.CreateAsync(merchant, settings, publish: true);
        var archived = (await app.Links.CreateAsync(merchant, settings with { Title = "Retired croissant box" }, publish: false)).Value;
        await app.Links.ApplyAsync(merchant, archived.Id, LinkTrigger.Archive);
        var page = await app.NewPageAsync();

        await SignInPage.SignInAsync(page, email, AppFixture.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await SignInPage.ExpectLiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Links", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment links" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sourdough loaf" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Retired croissant box" })).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.GetByRole(AriaRole.Button, new() { Name = "ARCHIVED", Exact = true, Pressed = false }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Retired croissant box" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sourdough loaf" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("status-badge")).ToHaveTextAsync(["ARCHIVED", "ACTIVE"]);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded instead of updating in place.");
    }

    [Theory]
    [InlineData("", "New link", "New payment link")] // to a page of the circuit
    [InlineData("settings/account", "Change password", "Change password")] // to a page rendered without one
    public async Task A_link_clicked_while_the_page_still_connects_is_followed_once_it_is_live(string path, string link, string heading)
    {
        var (email, _) = await app.NewMerchantAsync("Hasty Hats");
        var page = await app.NewPageAsync();
        await SignInPage.SignInAsync(page, email, AppFixture.Password);
        // The live connection is answered late, as by a busy server: the page is on show well before it can act.
        await page.RouteAsync("**/_blazor/negotiate*", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.GotoAsync(path);
        var opened = page.Url;
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

        Assert.Equal(opened, page.Url); // kept, not followed yet: the page is still connecting
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        var firstField = page.GetByRole(AriaRole.Textbox).First;
        await firstField.FillAsync("typed once there");
        await Expect(firstField).ToHaveValueAsync("typed once there");
    }

    [Fact]
    public async Task A_download_clicked_while_the_page_still_connects_downloads_at_once()
    {
        var (email, _) = await app.NewMerchantAsync("Early Exports");
        var page = await app.NewPageAsync();
        await SignInPage.SignInAsync(page, email, AppFixture.Password);
        await page.RouteAsync("**/_blazor/negotiate*", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.GotoAsync("payments");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeDisabledAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());

        Assert.EndsWith(".csv", download.SuggestedFilename);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payments", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_stays_on_the_sign_in_page()
    {
        var (email, _) = await app.NewMerchantAsync("Careful Cafe");
        var page = await app.NewPageAsync();

        await page.GotoAsync("account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is not right");
        Assert.Contains("/account/login", page.Url);
    }
}
