using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A forgotten password, reset through the emailed link (which, with no mail server, Development writes to the log).</summary>
[Collection(AppCollection.Name)]
public sealed partial class PasswordResetTests(AppFixture app)
{
    [Fact]
    public async Task The_link_sets_a_new_password_and_ends_every_session_while_an_unknown_email_gets_the_same_answer()
    {
        var session = await DashboardSession.StartAsync(app, "Forgetful Figs");
        var page = await app.NewPageAsync();

        await RequestLinkAsync(page, "nobody-here@reset.test");
        await RequestLinkAsync(page, session.Email);

        Assert.DoesNotContain(app.Log.Messages, m => m.Contains("nobody-here@reset.test"));
        var sent = new Uri(ResetLink().Match(app.Log.Messages.Last(m => m.Contains(session.Email))).Value);
        Assert.Equal("http://localhost:5080", sent.GetLeftPart(UriPartial.Authority)); // Links:PublicBaseUrl, not this test server's
        var link = sent.PathAndQuery.TrimStart('/');
        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator(".field:has(#new-password)")).ToContainTextAsync("at least 8 characters");
        await page.GetByLabel("New password").FillAsync("remembered-now-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync("another-try-22");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link is not valid any more."); // used once already
        await SignInPage.SignInAsync(page, session.Email, "remembered-now-1");
    }

    private static async Task RequestLinkAsync(IPage page, string email)
    {
        await page.GotoAsync("account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // The link is an enhanced navigation: typing before the new page is in would fill the sign-in form's field.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses that email, a link to choose a new password is on its way.");
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
