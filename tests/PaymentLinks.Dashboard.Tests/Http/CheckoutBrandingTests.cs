using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Branding;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Branding;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>A merchant's logo and accent on its checkout pages, and the files behind them.</summary>
public sealed class CheckoutBrandingTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private MerchantBranding Branding => _app.Services.GetRequiredService<MerchantBranding>();

    [Fact]
    public async Task The_pay_page_and_the_disabled_page_show_the_logo_and_accent_and_the_not_found_page_shows_neither()
    {
        var merchant = await _app.NewMerchantAsync("Branded Beans");
        await Branding.SetAccentAsync(merchant, "#7c2d12");
        var brand = (await Branding.SetLogoAsync(merchant, LogoFilesTests.OnePixelPng)).Value;
        var link = await _app.ActiveLinkAsync(merchant, maxUsages: 5);
        var other = await _app.ActiveLinkAsync(merchant, maxUsages: 5);
        await _app.Links.ApplyAsync(merchant, other.Id, LinkTrigger.Disable);
        var http = _app.CreateClient();

        var pay = await http.GetStringAsync($"/pay/{link.PublicId}");
        var disabled = await (await http.GetAsync($"/pay/{other.PublicId}")).Content.ReadAsStringAsync();
        var missing = await (await http.GetAsync("/pay/pl_AAAAAAAAAAAAAAAAAAAA")).Content.ReadAsStringAsync();

        foreach (var page in new[] { pay, disabled })
        {
            Assert.Contains($"<img class=\"merchant-logo\" src=\"/brand/{merchant.MerchantId}/logo?v={brand.LogoVersion}\" alt />", page);
            Assert.Contains($"<link rel=\"stylesheet\" href=\"/brand/{merchant.MerchantId}/theme.css?v=7c2d12\" />", page);
        }
        Assert.DoesNotContain("/brand/", missing);
    }

    [Fact]
    public async Task The_logo_and_theme_are_served_with_their_own_type_a_long_cache_and_no_sniffing()
    {
        var merchant = await _app.NewMerchantAsync("Served Beans");
        await Branding.SetAccentAsync(merchant, "#1d4ed8");
        await Branding.SetLogoAsync(merchant, Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>"));
        var http = _app.CreateClient();

        var logo = await http.GetAsync($"/brand/{merchant.MerchantId}/logo?v=1");
        var theme = await http.GetAsync($"/brand/{merchant.MerchantId}/theme.css?v=1d4ed8");
        var none = await http.GetAsync($"/brand/{Guid.NewGuid()}/logo?v=1");

        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", logo.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", logo.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(":root { --accent: #1d4ed8; }\n", await theme.Content.ReadAsStringAsync());
        Assert.Equal("text/css", theme.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task A_refused_logo_or_accent_leaves_the_brand_as_it_was()
    {
        var merchant = await _app.NewMerchantAsync("Careful Beans");
        await Branding.SetAccentAsync(merchant, "#1d4ed8");
        var before = (await Branding.SetLogoAsync(merchant, LogoFilesTests.OnePixelPng)).Value;

        var script = await Branding.SetLogoAsync(merchant, Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        var light = await Branding.SetAccentAsync(merchant, "#fde68a");

        Assert.Equal(("logo", "accent"), (script.Refusal!.Fields[0].Field, light.Refusal!.Fields[0].Field));
        Assert.Equal(before, await Branding.GetAsync(merchant.MerchantId));
        Assert.Equal(LogoFilesTests.OnePixelPng, (await Branding.GetLogoAsync(merchant.MerchantId))!.Content);
    }
}
