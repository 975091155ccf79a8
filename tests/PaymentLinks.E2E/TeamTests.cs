using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A business with more than one person: what each role is offered, and a role changed while its dashboard is open.</summary>
[Collection(AppCollection.Name)]
public sealed class TeamTests(AppFixture app)
{
    [Fact]
    public async Task An_invited_support_member_joins_from_the_mail_and_demoted_to_viewer_loses_publish_in_their_open_dashboard()
    {
        var owner = await DashboardSession.StartAsync(app, "Team Teas");
        var draft = await owner.CreateLinkAsync("Matcha tasting", publish: false);
        var paid = await owner.CreateLinkAsync("Sencha box");
        var payments = app.Services.GetRequiredService<PaymentService>();
        await payments.CompleteAsync((await payments.StartAsync(paid.PublicId)).Value.Id);
        var supportEmail = PaymentLinks.Tests.Shared.MailServer.NewAddress("support");

        await owner.OpenAsync("settings/members");
        await owner.Page.GetByLabel("Email to invite").FillAsync(supportEmail);
        await owner.Page.GetByLabel("Role", new() { Exact = true }).First.ClickAsync();
        await owner.Page.GetByRole(AriaRole.Option, new() { Name = "Support" }).ClickAsync();
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(owner.Snackbar).ToContainTextAsync($"Invitation sent to {supportEmail}.");
        await Expect(owner.Page.GetByLabel("Invitations", new() { Exact = true })).ToContainTextAsync(supportEmail);

        var invitation = await app.Mail.WaitForSubjectAsync(supportEmail, "Join Team Teas on PaymentLinks");
        var supportPage = await app.NewPageAsync();
        await supportPage.GotoAsync(MailLinks.PathOf(invitation, "account/invitation"));
        await Expect(supportPage.GetByText("You are invited as Support")).ToBeVisibleAsync();
        await supportPage.GetByLabel("Choose a password").FillAsync("support-pass-1");
        await supportPage.GetByRole(AriaRole.Button, new() { Name = "Create account and join" }).ClickAsync();
        var menu = supportPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Links" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Members" })).ToHaveCountAsync(0);
        await supportPage.GotoAsync("payments");
        await Expect(supportPage.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sencha box" })).ToBeVisibleAsync();
        await Expect(supportPage.GetByRole(AriaRole.Button, new() { NameRegex = new("^Refund") })).ToHaveCountAsync(0);
        await supportPage.GotoAsync("settings/api-keys");
        await Expect(supportPage.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();

        await supportPage.GotoAsync($"links/{draft.Id}");
        var publish = supportPage.GetByRole(AriaRole.Button, new() { Name = "Publish" });
        await Expect(publish).ToBeVisibleAsync();
        await owner.Page.ReloadAsync();
        var row = owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = supportEmail });
        await row.GetByLabel("Role").ClickAsync();
        await owner.Page.GetByRole(AriaRole.Option, new() { Name = "Viewer" }).ClickAsync();
        await Expect(owner.Snackbar).ToContainTextAsync($"{supportEmail} is now Viewer.");

        // The server refuses at once whatever the page still offers; the page itself catches up at its next check.
        var support = owner.Merchant with { Actor = Actor.User(await UserIdOfAsync(supportEmail)) };
        var forced = await app.Links.ApplyAsync(support, draft.Id, LinkTrigger.Publish);
        Assert.Equal(RefusalCodes.Forbidden, forced.Refusal?.Code);
        Assert.Equal(LinkStatus.Draft, (await app.Links.GetAsync(owner.Merchant, draft.Id)).Value.Status);
        await Expect(publish).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(supportPage.GetByRole(AriaRole.Heading, new() { Name = "Matcha tasting" })).ToBeVisibleAsync();

        await supportPage.GotoAsync(MailLinks.PathOf(invitation, "account/invitation"));
        await Expect(supportPage.GetByRole(AriaRole.Heading, new() { Name = "This invitation does not work" })).ToBeVisibleAsync();

        await owner.OpenAsync("activity");
        var activity = owner.Page.GetByLabel("Activity", new() { Exact = true });
        await Expect(EntryOf(activity, $"Invited {supportEmail} as Support.")).ToContainTextAsync(owner.Email);
        await Expect(EntryOf(activity, $"{supportEmail} joined as Support")).ToContainTextAsync(supportEmail);
        await Expect(EntryOf(activity, $"Changed the role of {supportEmail} from Support to Viewer.")).ToContainTextAsync(owner.Email);
        var refused = EntryOf(activity, "Refused: creating and changing links, which the Viewer role does not allow.");
        await Expect(refused).ToContainTextAsync(supportEmail);
        await Expect(refused.Locator("td[data-label='When']")).Not.ToBeEmptyAsync();

        await Expect(activity.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed in from" }).Filter(new() { HasText = supportEmail })).ToHaveCountAsync(1);

        await owner.Page.GetByLabel("What").ClickAsync();
        await owner.Page.GetByRole(AriaRole.Option, new() { Name = "Refused attempts" }).ClickAsync();
        await Expect(owner.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=access.refused"));
        await Expect(activity.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // the header, and the one refusal
    }

    [Fact]
    public async Task A_merchant_invited_to_another_business_joins_it_signed_in_and_switches_between_the_two()
    {
        var inviter = await DashboardSession.StartAsync(app, "Host Hazelnuts");
        var guest = await DashboardSession.StartAsync(app, "Guest Grapes");
        await inviter.OpenAsync("settings/members");
        await inviter.Page.GetByLabel("Email to invite").FillAsync(guest.Email);
        await inviter.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(inviter.Snackbar).ToContainTextAsync($"Invitation sent to {guest.Email}.");

        var invitation = await app.Mail.WaitForSubjectAsync(guest.Email, "Join Host Hazelnuts on PaymentLinks");
        await guest.Page.GotoAsync(MailLinks.PathOf(invitation, "account/invitation"));
        await Expect(guest.Page.GetByText("You are invited as Viewer")).ToBeVisibleAsync();
        await guest.Page.GetByRole(AriaRole.Button, new() { Name = "Join Host Hazelnuts" }).ClickAsync();

        var switcher = guest.Page.GetByRole(AriaRole.Button, new() { Name = "Switch business" });
        await Expect(switcher).ToContainTextAsync("Host Hazelnuts");
        await Expect(guest.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Members" })).ToHaveCountAsync(0);
        await switcher.ClickAsync();
        await guest.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Guest Grapes Owner" }).ClickAsync();
        await Expect(switcher).ToContainTextAsync("Guest Grapes");
        await Expect(guest.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Members" })).ToBeVisibleAsync();
    }

    private static ILocator EntryOf(ILocator log, string summary) => log.GetByRole(AriaRole.Row).Filter(new() { HasText = summary });

    [Fact]
    public async Task The_last_owner_cannot_step_down_and_a_removed_member_is_shut_out_of_the_business()
    {
        var owner = await DashboardSession.StartAsync(app, "Lone Owner Lemons");
        var (viewerEmail, _) = await JoinAsync(owner.Merchant, MemberRole.Viewer);
        var viewerPage = await app.NewPageAsync();
        await SignInPage.SignInAsync(viewerPage, viewerEmail, AppFixture.Password);
        await owner.OpenAsync("settings/members");

        var ownRow = owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = owner.Email });
        await ownRow.GetByLabel("Role").ClickAsync();
        await owner.Page.GetByRole(AriaRole.Option, new() { Name = "Admin" }).ClickAsync();
        await Expect(owner.Snackbar).ToContainTextAsync("A business always keeps an owner");
        await Expect(ownRow.GetByLabel("Role")).ToContainTextAsync("Owner");

        await owner.Page.GetByRole(AriaRole.Button, new() { Name = $"Remove {viewerEmail}" }).ClickAsync();
        await owner.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(owner.Snackbar).ToContainTextAsync($"{viewerEmail} was removed.");
        await Expect(owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = viewerEmail })).ToHaveCountAsync(0);

        // Their sign-ins end with the membership: the open dashboard leaves for the sign-in page, or says there is no
        // business to open, whichever check of the page comes first; either way nothing of the business is shown.
        await Expect(viewerPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await viewerPage.GotoAsync("links");
        await Expect(viewerPage.GetByRole(AriaRole.Heading, new() { NameRegex = new("^(Sign in|No business to open)$") })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_developer_works_in_test_mode_until_an_owner_grants_live_mode_and_their_open_dashboard_follows()
    {
        var owner = await DashboardSession.StartAsync(app, "Developer Dates");
        var (developerEmail, _) = await JoinAsync(owner.Merchant, MemberRole.Developer);
        var developerPage = await app.NewPageAsync();
        await SignInPage.SignInAsync(developerPage, developerEmail, AppFixture.Password);
        var testMode = developerPage.GetByLabel("Test mode");
        await Expect(testMode).ToBeCheckedAsync();
        await Expect(testMode).ToBeDisabledAsync();

        await owner.OpenAsync("settings/members");
        var row = owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = developerEmail });
        await row.GetByLabel("Live mode").ClickAsync();
        await Expect(owner.Snackbar).ToContainTextAsync($"{developerEmail} may now work in live mode.");
        await Expect(row.GetByLabel("Live mode")).ToBeCheckedAsync();

        await Expect(testMode).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await owner.OpenAsync("activity");
        await Expect(owner.Page.GetByLabel("Activity", new() { Exact = true })).ToContainTextAsync($"Granted live mode to {developerEmail}.");
    }

    private async Task<string> UserIdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>A person with an account of their own who joins the business with <paramref name="role"/>.</summary>
    private async Task<(string Email, MerchantCaller Caller)> JoinAsync(MerchantCaller business, MemberRole role)
    {
        var email = PaymentLinks.Tests.Shared.MailServer.NewAddress(role.ToString().ToLowerInvariant());
        await using var scope = app.Services.CreateAsyncScope();
        var joined = await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterMemberAsync(email, AppFixture.Password, business.MerchantId, role);
        Assert.True(joined.Succeeded, string.Join(" ", joined.Errors.Select(e => e.Description)));
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        return (email, business with { Actor = Actor.User(user.Id) });
    }
}
