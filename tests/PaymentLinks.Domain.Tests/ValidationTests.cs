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
        { LinkSettings.Fields.Amount, Links.Settings() with { Amount = 1e27m } },
        { LinkSettings.Fields.Amount, Links.Settings() with { Amount = decimal.MaxValue, Currency = "BHD" } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = "Tea\0set" } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = "Tea\nset" } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = "Gift card \u202E00.01 EUR" } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = "Isolated \u2067text\u2069" } },
        { LinkSettings.Fields.Title, Links.Settings() with { Title = "Broken \uD800 pair" } },
        { LinkSettings.Fields.Description, Links.Settings() with { Description = "Bell\u0007" } },
        { LinkSettings.Fields.DisabledMessage, Links.Settings() with { DisabledMessage = "Back \u202Dsoon" } },
        { LinkSettings.Fields.CheckoutLanguage, Links.Settings() with { CheckoutLanguage = "klingon" } },
        { LinkSettings.Fields.CheckoutLanguage, Links.Settings() with { CheckoutLanguage = "pt" } },
    };

    [Theory]
    [InlineData("Crème brûlée for two 🍮")]
    [InlineData("Zoë's cafe\u0301")]
    [InlineData("שיעור יוגה")]
    [InlineData("ヨガ教室、土曜日")]
    public void Accents_combining_marks_emoji_and_right_to_left_scripts_are_accepted(string title) =>
        Assert.True(PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings() with { Title = title }, publish: false, DateTimeOffset.UnixEpoch, Links.Merchant).IsSuccess);

    [Fact]
    public void A_description_and_disabled_message_may_have_line_breaks_and_tabs() =>
        Assert.True(PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings() with { Description = "Line one\r\nLine\ttwo", DisabledMessage = "Back\nsoon" },
            publish: false, DateTimeOffset.UnixEpoch, Links.Merchant).IsSuccess);

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_settings_are_refused_naming_the_field(string field, LinkSettings settings)
    {
        var created = PaymentLink.Create(Guid.NewGuid(), livemode: false, settings, publish: false, DateTimeOffset.UnixEpoch, Links.Merchant);

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
        var yen = PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings() with { Amount = 1500m, Currency = "JPY" }, false, DateTimeOffset.UnixEpoch, Links.Merchant).Value;
        var dinar = PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings() with { Amount = 1.234m, Currency = "kwd" }, false, DateTimeOffset.UnixEpoch, Links.Merchant).Value;

        Assert.Equal((1500L, 1500m), (yen.AmountMinor, yen.Amount));
        Assert.Equal((1234L, 1.234m, "KWD"), (dinar.AmountMinor, dinar.Amount, dinar.Currency));
    }
}
