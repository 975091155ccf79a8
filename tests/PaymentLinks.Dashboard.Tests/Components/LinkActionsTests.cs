using Bunit;
using MudBlazor;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class LinkActionsTests : DashboardTestContext
{
    public static TheoryData<LinkStatus, string[]> Offered() => new()
    {
        { LinkStatus.Draft, ["Publish", "Archive", "Edit", "Duplicate"] },
        { LinkStatus.Active, ["Unpublish", "Disable", "Archive", "Expire now", "Edit", "Duplicate"] },
        { LinkStatus.Disabled, ["Unpublish", "Enable", "Archive", "Expire now", "Edit", "Duplicate"] },
        { LinkStatus.Expired, ["Duplicate"] },
        { LinkStatus.Used, ["Duplicate"] },
        { LinkStatus.Archived, ["Duplicate"] },
    };

    [Theory]
    [MemberData(nameof(Offered))]
    public void A_list_row_menu_offers_only_the_actions_the_state_allows(LinkStatus status, string[] expected)
    {
        var popovers = Render<MudPopoverProvider>();
        var actions = Render<LinkActions>(parameters => parameters.AddCascadingValue(Session).Add(a => a.Link, LinkIn(status)).Add(a => a.AsMenu, true));

        actions.Find("button[aria-label='Actions for Poster']").Click();

        Assert.Equal(expected, popovers.FindAll("[role=menuitem]").Select(item => item.TextContent.Trim()));
    }

    public static TheoryData<LinkStatus, string, string[]> OnTheDetailPage() => new()
    {
        { LinkStatus.Draft, "Publish", ["Archive", "Edit", "Duplicate"] },
        { LinkStatus.Active, "Edit", ["Unpublish", "Disable", "Archive", "Expire now", "Duplicate"] },
        { LinkStatus.Disabled, "Enable", ["Unpublish", "Archive", "Expire now", "Edit", "Duplicate"] },
        { LinkStatus.Expired, "Duplicate", [] },
        { LinkStatus.Used, "Duplicate", [] },
        { LinkStatus.Archived, "Duplicate", [] },
    };

    [Theory]
    [MemberData(nameof(OnTheDetailPage))]
    public void The_detail_page_offers_one_primary_action_and_the_rest_in_a_menu_that_says_what_each_does(
        LinkStatus status, string primary, string[] inMenu)
    {
        var popovers = Render<MudPopoverProvider>();
        var actions = Render<LinkActions>(parameters => parameters.AddCascadingValue(Session).Add(a => a.Link, LinkIn(status)));

        Assert.Equal(primary, actions.Find(".mud-button-filled-primary").TextContent.Trim());
        var more = actions.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == "More actions");
        Assert.Equal(inMenu.Length > 0, more is not null);
        if (more is null)
            return;
        more.Click();
        var items = popovers.FindAll("[role=menuitem]");
        Assert.Equal(inMenu, items.Select(item => item.GetAttribute("aria-label")));
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.QuerySelector(".action-hint")?.TextContent)));
    }

    [Fact]
    public void Archive_and_expire_now_are_marked_as_the_destructive_ones()
    {
        var popovers = Render<MudPopoverProvider>();
        var actions = Render<LinkActions>(parameters => parameters.AddCascadingValue(Session).Add(a => a.Link, LinkIn(LinkStatus.Active)));

        actions.FindAll("button").Single(b => b.TextContent.Trim() == "More actions").Click();

        Assert.Equal(["Archive", "Expire now"], popovers.FindAll(".action-destructive").Select(b => b.GetAttribute("aria-label")));
        Assert.All(popovers.FindAll(".action-destructive .action-hint"), hint => Assert.StartsWith("Permanent", hint.TextContent));
        Assert.True(LinkActionRunner.NeedsConfirmation(LinkTrigger.Archive));
        Assert.True(LinkActionRunner.NeedsConfirmation(LinkTrigger.ExpireNow));
        Assert.False(LinkActionRunner.NeedsConfirmation(LinkTrigger.Disable));
    }

    [Fact]
    public void A_support_member_is_offered_every_action_but_archiving_and_a_viewer_no_actions_at_all()
    {
        var popovers = Render<MudPopoverProvider>();
        var asSupport = Render<LinkActions>(parameters => parameters.AddCascadingValue(SessionAs(MemberRole.Support))
            .Add(a => a.Link, LinkIn(LinkStatus.Active)).Add(a => a.AsMenu, true));
        asSupport.Find("button[aria-label='Actions for Poster']").Click();
        Assert.Equal(["Unpublish", "Disable", "Expire now", "Edit", "Duplicate"], popovers.FindAll("[role=menuitem]").Select(item => item.TextContent.Trim()));

        foreach (var role in new[] { MemberRole.Viewer, MemberRole.Finance, MemberRole.Developer })
        {
            var asReader = Render<LinkActions>(parameters => parameters.AddCascadingValue(SessionAs(role)).Add(a => a.Link, LinkIn(LinkStatus.Draft)));
            Assert.Empty(asReader.FindAll("button"));
        }
    }

    private static LinkView LinkIn(LinkStatus status) => new(
        Guid.NewGuid(), "pl_test", Guid.NewGuid(), false, new LinkSettings { Title = "Poster", Amount = 10m, Currency = "EUR", MaxUsages = 5 }, 0,
        status, DateTimeOffset.UnixEpoch, status != LinkStatus.Draft, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
}
