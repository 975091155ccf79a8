using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Domain.Tests;

public sealed class BrandTests
{
    [Theory]
    [InlineData("#1d4ed8")]
    [InlineData("#767676")]
    [InlineData("#000000")]
    [InlineData(" #7C2D12 ")]
    public void An_accent_white_text_stays_readable_on_is_kept_in_lower_case(string accent)
    {
        var brand = new MerchantBrand(Guid.NewGuid());

        Assert.True(brand.SetAccent(accent).IsSuccess);
        Assert.Equal(accent.Trim().ToLowerInvariant(), brand.Accent);
    }

    [Theory]
    [InlineData("#777777", "too light")]
    [InlineData("#ffff00", "too light")]
    [InlineData("#ffffff", "too light")]
    [InlineData("red", "#rrggbb")]
    [InlineData("#12345g", "#rrggbb")]
    [InlineData("#1d4ed8ff", "#rrggbb")]
    [InlineData("1d4ed8", "#rrggbb")]
    [InlineData("#+1d4ed", "#rrggbb")]
    public void An_accent_that_is_not_a_colour_or_too_light_for_white_text_is_refused_and_the_old_one_kept(string accent, string message)
    {
        var brand = new MerchantBrand(Guid.NewGuid());
        brand.SetAccent("#1d4ed8");

        var refused = brand.SetAccent(accent);

        Assert.Contains(message, Assert.Single(refused.Refusal!.Fields).Message);
        Assert.Equal("#1d4ed8", brand.Accent);
    }

    [Fact]
    public void Contrast_follows_wcag() =>
        Assert.Equal(21.0, MerchantBrand.ContrastWithWhite(0x000000), precision: 1);

    [Fact]
    public void An_empty_accent_goes_back_to_the_products_own()
    {
        var brand = new MerchantBrand(Guid.NewGuid());
        brand.SetAccent("#1d4ed8");

        Assert.True(brand.SetAccent("  ").IsSuccess);
        Assert.Null(brand.Accent);
    }
}
