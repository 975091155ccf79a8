using Bunit;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Domain.Links;
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
    public void Each_state_offers_only_the_actions_it_allows(LinkStatus status, string[] expected)
    {
        var actions = Render<LinkActions>(parameters => parameters.Add(a => a.Link, LinkIn(status)));

        var offered = actions.FindAll("button, a").Select(element => element.TextContent.Trim());
        Assert.Equal(expected, offered);
    }

    [Fact]
    public void Archive_and_expire_now_are_marked_as_the_destructive_ones()
    {
        var actions = Render<LinkActions>(parameters => parameters.Add(a => a.Link, LinkIn(LinkStatus.Active)));

        Assert.Equal(["Archive", "Expire now"], actions.FindAll(".action-destructive").Select(b => b.TextContent.Trim()));
        Assert.True(LinkActionRunner.NeedsConfirmation(LinkTrigger.Archive));
        Assert.True(LinkActionRunner.NeedsConfirmation(LinkTrigger.ExpireNow));
        Assert.False(LinkActionRunner.NeedsConfirmation(LinkTrigger.Disable));
    }

    private static LinkView LinkIn(LinkStatus status) => new(
        Guid.NewGuid(), "pl_test", Guid.NewGuid(), new LinkSettings { Title = "Poster", Amount = 10m, Currency = "EUR", MaxUsages = 5 }, 0,
        status, DateTimeOffset.UnixEpoch, status != LinkStatus.Draft, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
}
