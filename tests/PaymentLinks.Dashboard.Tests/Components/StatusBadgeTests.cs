using Bunit;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class StatusBadgeTests : DashboardTestContext
{
    [Theory]
    [InlineData(LinkStatus.Draft, "DRAFT", "status-draft")]
    [InlineData(LinkStatus.Active, "ACTIVE", "status-active")]
    [InlineData(LinkStatus.Disabled, "DISABLED", "status-disabled")]
    [InlineData(LinkStatus.Expired, "EXPIRED", "status-expired")]
    [InlineData(LinkStatus.Used, "USED", "status-used")]
    [InlineData(LinkStatus.Archived, "ARCHIVED", "status-archived")]
    public void Each_state_has_its_own_text_and_colour_class(LinkStatus status, string text, string colourClass)
    {
        var badge = Render<StatusBadge>(parameters => parameters.Add(b => b.Status, status));

        badge.MarkupMatches($"<span class=\"status-badge {colourClass}\" data-testid=\"status-badge\">{text}</span>");
    }
}
