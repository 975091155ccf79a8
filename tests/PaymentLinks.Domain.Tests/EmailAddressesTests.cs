using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Tests;

/// <summary>Which customer emails are accepted: what MimeKit's strict parser reads back as one bare address, and nothing that could break a header.</summary>
public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada.lovelace+receipts@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void A_plain_address_is_accepted(string address) => Assert.True(EmailAddresses.IsValid(address));

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("@example.com")]
    [InlineData("ada@@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com, eve@example.com")]
    [InlineData("ada@example.com\r\nBcc: eve@example.com")]
    [InlineData("ada@example.com\n")]
    [InlineData("ada@example..com")]
    [InlineData("ada@.example.com")]
    [InlineData("ada@example.com.")]
    [InlineData("(comment)ada@example.com")]
    public void Anything_else_is_refused(string address) => Assert.False(EmailAddresses.IsValid(address));

    [Fact]
    public void An_address_longer_than_254_characters_is_refused() =>
        Assert.False(EmailAddresses.IsValid(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com"));
}
