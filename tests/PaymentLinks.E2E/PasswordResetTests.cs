using Microsoft.Playwright;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A forgotten password, reset through the link mailed to the run's SMTP server and opened in Chromium.</summary>
[Collection(AppCollection.Name)]
public sealed class PasswordResetTests(AppFixture app)
{
    [Fact]
    public async Task The_mailed_link_sets_a_new_password_and_ends_every_session_while_an_unknown_email_gets_the_same_answer_and_no_mail()
    {
        var session = await DashboardSession.StartAsync(app, "Forgetful Figs");
        var page = await app.NewPageAsync();
        var nobody = MailServer.NewAddress("nobody");

        await RequestLinkAsync(page, nobody);
        await RequestLinkAsync(page, session.Email);

        var mail = await app.Mail.WaitForSubjectAsync(session.Email, "Reset your PaymentLinks password"); // beside the sign-in notice
        Assert.Contains("http://localhost:5080/account/reset-password?", mail.TextBody); // Links:PublicBaseUrl, not this test server's
        Assert.Contains("Choose a new password", mail.HtmlBody);
        Assert.Empty(await app.Mail.ReceivedByAsync(nobody));
        var link = MailLinks.PathOf(mail, "account/reset-password");
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
        var changed = Assert.Single(await StoredAudit.OfAsync(app.Services, session.Merchant.Actor.Id!, AuditKinds.PasswordChanged));
        Assert.Equal("Set a new password from a reset link.", changed.Summary);
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
}
