using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class TwoFactorTests(AppFixture app)
{
    [Fact]
    public async Task Two_factor_can_be_turned_on_and_is_then_asked_for_with_an_app_code_or_a_recovery_code_once()
    {
        var session = await DashboardSession.StartAsync(app, "Twofold Tools");
        var page = session.Page;
        await session.OpenAsync("settings/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor authentication" }).ClickAsync();
        await Expect(page.GetByTestId("authenticator-key")).Not.ToBeEmptyAsync();
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();

        var right = Totp.Code(key, app.Clock.GetUtcNow());
        await page.GetByLabel("Code from your app").FillAsync(((int.Parse(right) + 1) % 1_000_000).ToString("D6"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.Locator(".field:has(#totp-code)")).ToContainTextAsync("That code is not right.");
        await page.GetByLabel("Code from your app").FillAsync(Totp.Code(key, app.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();

        var codes = page.GetByTestId("recovery-codes").Locator("li");
        await Expect(codes).ToHaveCountAsync(10);
        var recoveryCode = (await codes.First.InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved them" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Two-factor status" })).ToContainTextAsync("10 recovery codes left");
        await app.Mail.WaitForSubjectAsync(session.Email, "Two-factor sign-in is on");
        // Turning it on keeps this session: the page outlives the next revalidation of the sign-in (each second here).
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Two-factor status" })).ToContainTextAsync("10 recovery codes left");

        await SignOutAndInAsync(page, session.Email);
        // The code that turned it on is used up (each code signs in once): the app's next one, half a minute on.
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key, app.Clock.GetUtcNow().AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();

        // The same recovery code signs in once, and is refused the second time.
        foreach (var signsIn in new[] { true, false })
        {
            await SignOutAndInAsync(page, session.Email);
            await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
            await page.GetByLabel("Recovery code").FillAsync(recoveryCode);
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            if (signsIn)
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
            else
                await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right.");
        }
    }

    [Fact]
    public async Task New_recovery_codes_and_turning_it_off_each_ask_for_a_current_code_from_the_app()
    {
        var session = await DashboardSession.StartAsync(app, "Guarded Gears");
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As the page turns it on: UserManager's own methods would renew the security stamp, ending this session.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var twoFactor = scope.ServiceProvider.GetRequiredService<PaymentLinks.Dashboard.Identity.TwoFactorSettings>();
            var user = (await users.FindByEmailAsync(session.Email))!;
            await twoFactor.RenewAuthenticatorKeyAsync(user);
            await twoFactor.SetEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        await session.OpenAsync("settings/two-factor");
        var page = session.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
        await Expect(session.Field("confirm-code")).ToContainTextAsync("That code is not right.");
        await page.GetByLabel("Code from your app").FillAsync(Totp.Code(key, app.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "New recovery codes" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved them" }).ClickAsync();

        // That code is used up: turning off takes the app's next one.
        await page.GetByLabel("Code from your app").FillAsync(Totp.Code(key, app.Clock.GetUtcNow().AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
        await session.ConfirmAsync("Turn off");

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Set up two-factor authentication" })).ToBeVisibleAsync();
        await using var check = app.Services.CreateAsyncScope();
        var accounts = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.False(await accounts.GetTwoFactorEnabledAsync((await accounts.FindByEmailAsync(session.Email))!));
        await app.Mail.WaitForSubjectAsync(session.Email, "Two-factor sign-in is off");
    }

    /// <summary>Signs out, then gives the right password, which now leads to the code step, not the dashboard.</summary>
    private static async Task SignOutAndInAsync(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        // The signed-out page's circuit may also send it to sign in, with a way back to the settings page after; a
        // fresh sign-in page leads to the overview, as these tests expect.
        await page.GotoAsync("account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByLabel("Authentication code")).ToBeVisibleAsync(); // the code step's own field: the settings page has a heading alike
    }
}
