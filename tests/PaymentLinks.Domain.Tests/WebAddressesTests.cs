using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Tests;

public sealed class WebAddressesTests
{
    [Theory]
    [InlineData("https://shop.example/merci-café", "https://shop.example/merci-caf%C3%A9")]
    [InlineData("https://café.example/", "https://xn--caf-dma.example/")]
    [InlineData("https://shop.example:8443/a b?q=ü#tëil", "https://shop.example:8443/a%20b?q=%C3%BC#t%C3%ABil")]
    [InlineData("https://shop.example/thanks?order=7", "https://shop.example/thanks?order=7")]
    [InlineData("http://localhost:5080/done", "http://localhost:5080/done")]
    public void An_address_is_written_in_ascii_as_a_location_header_must_carry_it(string typed, string ascii) =>
        Assert.Equal(ascii, WebAddresses.Ascii(typed));

    [Fact]
    public void Something_that_is_not_an_absolute_url_is_left_for_validation_to_refuse() =>
        Assert.Equal("not a url", WebAddresses.Ascii("not a url"));
}
