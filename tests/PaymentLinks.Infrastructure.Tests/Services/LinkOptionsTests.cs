using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

public sealed class LinkOptionsTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://shop.localhost", true)]
    [InlineData("https://pay.shop.example", false)]
    [InlineData("https://localhost.shop.example", false)]
    public void A_public_base_url_on_this_machine_is_told_apart_from_a_public_one(string url, bool here) =>
        Assert.Equal(here, new LinkOptions { PublicBaseUrl = url }.PointsAtThisMachine);

    [Fact]
    public async Task New_links_start_with_the_configured_max_usages_and_urls_use_the_configured_base()
    {
        var harness = new ServiceHarness(settings: new Dictionary<string, string?>
        {
            ["Links:DefaultMaxUsages"] = "250",
            ["Links:PublicBaseUrl"] = "https://pay.shop.example/",
        });
        await harness.InitializeAsync();
        try
        {
            var merchant = await harness.NewMerchantAsync();
            var link = (await harness.Links.CreateAsync(merchant, harness.Links.NewSettings() with
            {
                Title = "Default limit", Amount = 5m, Currency = "EUR",
            }, publish: true)).Value;

            Assert.Equal(250, link.MaxUsages);
            Assert.Equal($"https://pay.shop.example/pay/{link.PublicId}", harness.Links.PublicUrlOf(link));
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Links:DefaultMaxUsages", "0", "DefaultMaxUsages")]
    [InlineData("Links:PublicBaseUrl", "not a url", "PublicBaseUrl")]
    public async Task Invalid_settings_are_refused_with_the_setting_named(string key, string value, string named)
    {
        var harness = new ServiceHarness(settings: new Dictionary<string, string?> { [key] = value });
        try
        {
            var error = Assert.Throws<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptions<LinkOptions>>().Value);
            Assert.Contains(named, error.Message);
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }
}
