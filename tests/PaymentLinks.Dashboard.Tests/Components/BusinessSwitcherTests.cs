using Bunit;
using PaymentLinks.Dashboard.Components.Layout;
using PaymentLinks.Dashboard.Tests.Localization;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class BusinessSwitcherTests : DashboardTestContext
{
    [Theory]
    [InlineData("en", "Owner", "Support")]
    [InlineData("de", "Inhaber", "Kundenservice")]
    [InlineData("es", "Propietario", "Soporte")]
    public void Each_business_shows_the_persons_role_in_it_in_the_pages_language(string language, string owner, string support)
    {
        using var _ = new CultureScope(language);
        var (teas, scarves) = (Guid.NewGuid(), Guid.NewGuid());
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var switcher = Render<BusinessSwitcher>(p => p
            .Add(s => s.Businesses, [(teas, "Teas", MemberRole.Owner), (scarves, "Scarves", MemberRole.Support)])
            .Add(s => s.Current, teas));

        switcher.Find("button").Click();

        var choices = popovers.WaitForElements(".business-choice");
        Assert.Equal([$"Teas {owner}", $"Scarves {support}"], choices.Select(c => c.TextContent.Trim()));
    }
}
