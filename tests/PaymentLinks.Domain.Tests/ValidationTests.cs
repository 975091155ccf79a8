using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

public sealed class ValidationTests
{
    public static TheoryData<string, LinkSettings> BadSettings() => new()
    {
        { LinkSettings.Fields.Amount, Links.Settings() with { Amount = 0m } },
        { LinkSettings.Fields.Amount, Links.Settings() with { Amount = -5m } },
        { LinkSettings.Fields.Amount, Links.Settings() with { Amount = 10.001m } },
        { LinkSettings.Fields.Amount, Links.Settings() with { Amount = 100.5m, Currency = "JPY" } },
        { LinkSettings.Fields.Currency, Links.Settings() with { Currency = "XYZ" } },
        { LinkSettings.Fields.Currency, Links.Settings() with { Currency = "" } },
        { LinkSettings.Fields.MaxUsages, Links.Settings() with { MaxUsages = 0 } },
        { LinkSettings.Fields.MaxUsages, Links.Settings() with { MaxUsages = 1_000_001 } },
        { LinkSettings.Fields.RedirectUrl, Links.Settings() with { RedirectUrl = "http://shop.example/done" } },
        { LinkSettings.Fields.RedirectUrl, Links.Settings() with { RedirectUrl = "javascript:alert(1)" } },
        { LinkSettings.Fields.RedirectUrl, Links.Settings() with { RedirectUrl = "/relative/path" } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = "" } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = "   " } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = new string('x', LinkSettings.TitleMaxLength + 1) } },
        { LinkSettings.Fields.Description, Links.Settings() with { Description = new string('x', LinkSettings.DescriptionMaxLength + 1) } },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_settings_are_refused_naming_the_field(string field, LinkSettings settings)
    {
        var created = PaymentLink.Create(Guid.NewGuid(), settings, publish: false, DateTimeOffset.UnixEpoch, Links.Merchant);

        Assert.False(created.IsSuccess);
        Assert.Equal("invalid_request", created.Refusal.Code);
        Assert.Equal(field, Assert.Single(created.Refusal.Fields).Field);
    }

    [Theory]
    [InlineData("https://shop.example/thanks")]
    [InlineData("http://localhost:5000/thanks")]
    [InlineData("http://127.0.0.1/thanks")]
    public void Https_and_local_http_redirects_are_accepted(string url) =>
        Assert.Empty((Links.Settings() with { RedirectUrl = url }).Validate());

    [Fact]
    public void Amount_is_kept_in_the_currency_minor_units()
    {
        var yen = PaymentLink.Create(Guid.NewGuid(), Links.Settings() with { Amount = 1500m, Currency = "JPY" }, false, DateTimeOffset.UnixEpoch, Links.Merchant).Value;
        var dinar = PaymentLink.Create(Guid.NewGuid(), Links.Settings() with { Amount = 1.234m, Currency = "kwd" }, false, DateTimeOffset.UnixEpoch, Links.Merchant).Value;

        Assert.Equal((1500L, 1500m), (yen.AmountMinor, yen.Amount));
        Assert.Equal((1234L, 1.234m, "KWD"), (dinar.AmountMinor, dinar.Amount, dinar.Currency));
    }
}
