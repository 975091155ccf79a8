using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Settings;
using PaymentLinks.Infrastructure.Branding;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class BrandingSettingsTests : DashboardTestContext
{
    private MerchantBranding Branding => Harness.Services.GetRequiredService<MerchantBranding>();

    [Fact]
    public async Task A_colour_too_light_for_white_text_is_refused_by_its_field_and_a_dark_one_is_saved()
    {
        var settings = RenderPage<BrandingSettings>();
        settings.WaitForAssertion(() => settings.Find("#accent"));

        settings.Find("#accent").Change("#fde68a");
        await ClickAsync(settings, "Save colour");

        settings.WaitForAssertion(() => Assert.Contains("too light for white text", settings.Find("#accent").Closest(".mud-input-control")!.TextContent));
        Assert.Null((await Branding.GetAsync(Merchant.MerchantId)).Accent);

        settings.Find("#accent").Change("#7C2D12");
        await ClickAsync(settings, "Save colour");

        // Saved, the field shows the colour as stored: lower case.
        settings.WaitForAssertion(() => Assert.Equal("#7c2d12", settings.Find("#accent").GetAttribute("value")));
        Assert.Equal("#7c2d12", (await Branding.GetAsync(Merchant.MerchantId)).Accent);
        Assert.Contains("background: #7c2d12", settings.Find(".accent-preview").GetAttribute("style"));
    }
}
