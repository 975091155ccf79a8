using Bunit;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class StatusBadgeTests : DashboardTestContext
{
    [Theory]
    [InlineData(LinkStatus.Draft, "DRAFT", "mud-chip-color-default")]
    [InlineData(LinkStatus.Active, "ACTIVE", "mud-chip-color-success")]
    [InlineData(LinkStatus.Disabled, "DISABLED", "mud-chip-color-warning")]
    [InlineData(LinkStatus.Expired, "EXPIRED", "mud-chip-color-error")]
    [InlineData(LinkStatus.Used, "USED", "mud-chip-color-secondary")]
    [InlineData(LinkStatus.Archived, "ARCHIVED", "mud-chip-color-dark")]
    public void Each_state_has_its_own_text_and_colour(LinkStatus status, string text, string colourClass)
    {
        var badge = Render<StatusBadge>(parameters => parameters.Add(b => b.Status, status));

        var chip = badge.Find("[data-testid=status-badge]");
        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Contains(colourClass, chip.ClassList);
    }

    [Theory]
    [InlineData("de", LinkStatus.Used, "Aufgebraucht")]
    [InlineData("fr", LinkStatus.Disabled, "Désactivé")]
    [InlineData("ar", LinkStatus.Expired, "منتهي الصلاحية")]
    public void A_state_is_named_in_the_pages_language(string language, LinkStatus status, string text)
    {
        using var _ = new PaymentLinks.Dashboard.Tests.Localization.CultureScope(language);

        var badge = Render<StatusBadge>(parameters => parameters.Add(b => b.Status, status));

        Assert.Equal(text, badge.Find("[data-testid=status-badge]").TextContent.Trim());
    }

    [Fact]
    public void No_two_states_share_a_colour() =>
        Assert.Equal(6, Enum.GetValues<LinkStatus>().Select(StatusBadge.ColorOf).Distinct().Count());
}
