using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A business with more than one person: what each role is offered, and a role changed while its dashboard is open.</summary>
[Collection(AppCollection.Name)]
public sealed class TeamTests(AppFixture app)
{
    [Fact]
    public async Task A_support_member_demoted_to_viewer_loses_publish_in_their_open_dashboard_and_is_refused_by_the_server()
    {
        var owner = await DashboardSession.StartAsync(app, "Team Teas");
        var draft = await owner.CreateLinkAsync("Matcha tasting", publish: false);
        var (supportEmail, support) = await JoinAsync(owner.Merchant, MemberRole.Support);
        var supportPage = await app.NewPageAsync();
        await SignInPage.SignInAsync(supportPage, supportEmail, AppFixture.Password);

        await supportPage.GotoAsync($"links/{draft.Id}");
        var publish = supportPage.GetByRole(AriaRole.Button, new() { Name = "Publish" });
        await Expect(publish).ToBeVisibleAsync();
        var menu = supportPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Links" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Members" })).ToHaveCountAsync(0);

        await owner.OpenAsync("settings/members");
        var row = owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = supportEmail });
        await row.GetByLabel("Role").ClickAsync();
        await owner.Page.GetByRole(AriaRole.Option, new() { Name = "Viewer" }).ClickAsync();
        await Expect(owner.Snackbar).ToContainTextAsync($"{supportEmail} is now Viewer.");

        // The server refuses at once whatever the page still offers; the page itself catches up at its next check.
        var forced = await app.Links.ApplyAsync(support, draft.Id, LinkTrigger.Publish);
        Assert.Equal(RefusalCodes.Forbidden, forced.Refusal?.Code);
        Assert.Equal(LinkStatus.Draft, (await app.Links.GetAsync(owner.Merchant, draft.Id)).Value.Status);
        await Expect(publish).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(supportPage.GetByRole(AriaRole.Heading, new() { Name = "Matcha tasting" })).ToBeVisibleAsync();
    }

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

        await Expect(viewerPage.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(viewerPage.GetByText("You are not a member of this business.")).ToBeVisibleAsync();
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
