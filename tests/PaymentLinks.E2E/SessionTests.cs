using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>
/// An open dashboard stops working once its sign-in no longer stands: signed out in another tab, signed out
/// everywhere, or a changed password. (Here open dashboards check every second; in production every 30 seconds.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionTests(AppFixture app)
{
    [Fact]
    public async Task Signing_out_ends_the_other_open_tabs_of_that_browser()
    {
        var session = await DashboardSession.StartAsync(app, "Two Tab Teas");
        var otherTab = await session.Page.Context.NewPageAsync();
        await session.OpenAsync("", otherTab);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await ExpectSignInPageAsync(otherTab);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_a_dashboard_open_in_another_browser()
    {
        var session = await DashboardSession.StartAsync(app, "Everywhere Eggs");
        var elsewhere = await session.SignInElsewhereAsync();
        await session.OpenAsync("settings/account");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();

        await ExpectSignInPageAsync(session.Page);
        await ExpectSignInPageAsync(elsewhere);
        await elsewhere.GotoAsync("settings/account");
        await ExpectSignInPageAsync(elsewhere); // its cookie no longer signs it in either
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_browser_signed_in_and_ends_the_other()
    {
        var session = await DashboardSession.StartAsync(app, "Password Pears");
        var elsewhere = await session.SignInElsewhereAsync();
        var page = session.Page;
        await session.OpenAsync("settings/account");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await page.GetByLabel("Current password").FillAsync("not-my-password");
        await page.GetByLabel("New password").FillAsync("brand-new-pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator(".field:has(#current-password)")).ToContainTextAsync("That is not your current password.");

        await page.GetByLabel("Current password").FillAsync(AppFixture.Password);
        await page.GetByLabel("New password").FillAsync("brand-new-pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();
        await ExpectSignInPageAsync(elsewhere);
        await page.WaitForTimeoutAsync(2500); // past two checks of the open dashboard: this browser's sign-in still stands
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();
        await SignInPage.SignInAsync(elsewhere, session.Email, "brand-new-pass-1");
    }

    private static Task ExpectSignInPageAsync(IPage page) =>
        Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync(new() { Timeout = 15_000 });
}
