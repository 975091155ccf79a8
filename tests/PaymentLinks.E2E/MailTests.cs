using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Mail as people meet it: the customer's receipt, the merchant's notices and their unsubscribe, the account's own links.</summary>
[Collection(AppCollection.Name)]
public sealed class MailTests(AppFixture app)
{
    [Fact]
    public async Task A_customer_gets_a_receipt_and_after_the_merchant_unsubscribes_from_new_payment_mail_the_next_payment_sends_them_none()
    {
        var session = await DashboardSession.StartAsync(app, "Receipt Roasters");
        var link = await EmailLinkAsync(session, "Espresso blend");

        var first = MailServer.NewAddress();
        await PayAsync(link, first);

        var receipt = Assert.Single(await app.Mail.WaitForAsync(first));
        Assert.Equal("Your receipt from Receipt Roasters: EUR\u00A012.50", receipt.Subject); // in the browser's language, en-US
        Assert.Contains("For: Espresso blend", receipt.TextBody);
        Assert.Contains("Amount paid: EUR\u00A012.50", receipt.TextBody);
        Assert.Contains("Receipt Roasters", receipt.HtmlBody);
        var notice = await app.Mail.WaitForSubjectAsync(session.Email, "New payment: 12.50 EUR for Espresso blend");

        var unsubscribe = await app.NewPageAsync(width: 390);
        await unsubscribe.GotoAsync(MailLinks.PathOf(new Uri(notice.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'))));
        await Expect(unsubscribe.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribe" })).ToBeVisibleAsync();
        await unsubscribe.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(unsubscribe.GetByRole(AriaRole.Status)).ToHaveTextAsync("You will not get “New payments” mails any more.");

        var second = MailServer.NewAddress();
        await PayAsync(link, second);
        Assert.Single(await app.Mail.WaitForAsync(second));
        await Poll.UntilAsync(async () => await NothingWaitsAsync(session), "the second payment's mail all handled");
        Assert.Single(await app.Mail.ReceivedByAsync(session.Email), m => m.Subject!.StartsWith("New payment"));
    }

    [Fact]
    public async Task An_unconfirmed_merchant_is_held_in_test_mode_until_the_mailed_link_confirms_their_email()
    {
        var (email, _) = await app.NewMerchantAsync("Unconfirmed Umbrellas", confirmed: false);
        var page = await app.NewPageAsync();
        await SignInPage.SignInAsync(page, email, AppFixture.Password);

        await page.GetByLabel("Test mode").ClickAsync();
        await Expect(page.GetByText($"Confirm your email to use live mode: open the link we mailed to {email}.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Test mode")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send it again" }).ClickAsync();

        var confirmation = await app.Mail.WaitForSubjectAsync(email, "Confirm your email for PaymentLinks");
        await page.GotoAsync(MailLinks.PathOf(confirmation, "account/confirm-email"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your email is confirmed. Live mode is open to you.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the dashboard" }).ClickAsync();
        await page.GetByLabel("Test mode").ClickAsync();
        await Expect(page.GetByLabel("Test mode")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task Account_settings_switch_a_notification_off_show_the_delivery_log_and_change_the_sign_in_email_through_a_mailed_link()
    {
        var session = await DashboardSession.StartAsync(app, "Settled Saucers");
        var page = session.Page;
        await app.Mail.WaitForSubjectAsync(session.Email, "New sign-in to your PaymentLinks account");
        await session.OpenAsync("settings/account");

        var notifications = page.GetByRole(AriaRole.Region, new() { Name = "Email notifications" });
        await notifications.GetByLabel("A link is used up").ClickAsync();
        await Expect(page.GetByText("“A link is used up” mails turned off")).ToBeVisibleAsync();
        await Expect(notifications.GetByLabel("A link is used up")).Not.ToBeCheckedAsync();
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
            Assert.False(await db.Users.Where(u => u.Email == session.Email).Select(u => u.MailsLinkUsedUp).SingleAsync());
        var log = page.GetByRole(AriaRole.Region, new() { Name = "Mail delivery log" });
        await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "New sign-in to your PaymentLinks account" })).ToContainTextAsync("Sent");

        var newEmail = MailServer.NewAddress("moved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change email" }).ClickAsync();
        await page.GetByLabel("New email").FillAsync("not an email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation link" }).ClickAsync();
        await Expect(page.GetByText("Enter an email address such as name@example.com.")).ToBeVisibleAsync();
        await page.GetByLabel("New email").FillAsync(newEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "We mailed a link" })).ToContainTextAsync(newEmail);

        var change = await app.Mail.WaitForSubjectAsync(newEmail, "Confirm your new PaymentLinks email");
        await page.GotoAsync(MailLinks.PathOf(change, "account/confirm-email-change"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Your sign-in email is now {newEmail}. Sign in again with it.");
        await SignInPage.SignInAsync(await app.NewPageAsync(), newEmail, AppFixture.Password);
        var changed = Assert.Single(await StoredAudit.OfAsync(app.Services, session.Merchant.Actor.Id!, AuditKinds.EmailChanged));
        Assert.Equal($"Changed the sign-in email from {session.Email} to {newEmail}.", changed.Summary);
    }

    private async Task<LinkView> EmailLinkAsync(DashboardSession session, string title) =>
        (await app.Links.CreateAsync(session.Merchant, new LinkSettings
        {
            Title = title, Amount = 12.50m, Currency = "EUR", MaxUsages = 100, CustomerDetails = new CustomerDetails(DetailMode.Required),
        }, publish: true)).Value;

    private async Task PayAsync(LinkView link, string email)
    {
        var customer = await CustomerCheckout.StartAsync(app);
        await customer.OpenAsync(link.PublicId);
        await customer.Page.GetByLabel("Email").FillAsync(email);
        await customer.PayAsync();
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");
        await customer.Page.Context.CloseAsync();
    }

    private async Task<bool> NothingWaitsAsync(DashboardSession session)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return !await db.OutgoingMail.AnyAsync(m => m.MerchantId == session.Merchant.MerchantId
            && (m.Status == MailStatus.Pending || m.Status == MailStatus.Announced));
    }
}
