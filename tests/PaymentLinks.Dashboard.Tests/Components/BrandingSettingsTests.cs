using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Settings;
using PaymentLinks.Infrastructure.Branding;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class BrandingSettingsTests : DashboardTestContext
{
    private MerchantBranding Branding => Harness.Services.GetRequiredService<MerchantBranding>();

    [Fact]
    public async Task A_colour_too_light_for_white_text_is_refused_by_its_field_with_nothing_saved_and_a_dark_one_is_saved()
    {
        var settings = RenderAccountPage();
        settings.WaitForAssertion(() => settings.Find("#accent"));
        settings.Find("#business-name").Change("Renamed Shop");

        settings.Find("#accent").Input("#fde68a");
        await ClickAsync(settings, "Save");

        settings.WaitForAssertion(() => Assert.Contains("too light for white text", MessageBeside(settings, "accent")));
        Assert.Null((await Branding.GetAsync(Merchant.MerchantId)).Accent);
        Assert.Equal("Component Shop", (await Harness.Services.GetRequiredService<MerchantProfiles>().GetAsync(Merchant.MerchantId))!.BusinessName);

        settings.Find("#accent").Input("#7C2D12");
        settings.WaitForAssertion(() => Assert.DoesNotContain("too light", MessageBeside(settings, "accent"))); // cleared once usable, before Save
        await ClickAsync(settings, "Save");

        // Saved, the field shows the colour as stored: lower case.
        settings.WaitForAssertion(() => Assert.Equal("#7c2d12", settings.Find("#accent").GetAttribute("value")));
        Assert.Equal("#7c2d12", (await Branding.GetAsync(Merchant.MerchantId)).Accent);
        Assert.Contains("background: #7c2d12", settings.Find(".accent-preview").GetAttribute("style"));
        Assert.Equal("Renamed Shop", (await Harness.Services.GetRequiredService<MerchantProfiles>().GetAsync(Merchant.MerchantId))!.BusinessName);
    }
}
