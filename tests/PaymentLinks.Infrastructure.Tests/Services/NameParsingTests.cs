using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>The one reader of a status's name and the one reader of a sort's: names only, in any case, never numbers.</summary>
public sealed class NameParsingTests
{
    [Theory]
    [InlineData("ACTIVE", LinkStatus.Active)]
    [InlineData("disabled", LinkStatus.Disabled)]
    [InlineData("Archived", LinkStatus.Archived)]
    public void A_status_name_in_any_case_is_read(string text, LinkStatus expected)
    {
        Assert.True(LinkStatusExtensions.TryParseDisplayName(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(" active")]
    [InlineData("Active,Draft")]
    [InlineData(null)]
    public void Anything_but_a_status_name_is_refused(string? text) => Assert.False(LinkStatusExtensions.TryParseDisplayName(text, out _));

    [Theory]
    [InlineData("created_at", LinkSort.CreatedAt)]
    [InlineData("CreatedAt", LinkSort.CreatedAt)]
    [InlineData("expires_at", LinkSort.ExpiresAt)]
    [InlineData("USAGES", LinkSort.Usages)]
    public void A_sort_name_in_either_spelling_is_read(string text, LinkSort expected)
    {
        Assert.True(LinkSorts.TryParse(text, out var sort));
        Assert.Equal(expected, sort);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("created at")]
    [InlineData("")]
    [InlineData("Title,Amount")]
    [InlineData(null)]
    public void Anything_but_a_sort_name_is_refused(string? text) => Assert.False(LinkSorts.TryParse(text, out _));
}
