using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>Which language the dashboard speaks, over HTTP: the person's own choice, carried in their sign-in, else their browser's.</summary>
public sealed class DashboardLanguageTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("ar-SA,ar;q=0.9", "ar", "rtl")]
    [InlineData("de-AT,de;q=0.9,en;q=0.5", "de", "ltr")]
    [InlineData("pt", "pt-BR", "ltr")]
    [InlineData("ja-JP", "en", "ltr")] // not one of the dashboard's: English
    [InlineData("xx-garbage", "en", "ltr")]
    public async Task Signed_out_the_browser_chooses(string acceptLanguage, string language, string direction)
    {
        var browser = new CookieJarBrowser(_app, acceptLanguage);

        var page = LocalizedPage.Parse(await (await browser.SendAsync(HttpMethod.Get, "/account/login")).Content.ReadAsStringAsync());

        Assert.Equal((language, direction), (page.Language, page.Direction));
    }

    [Fact]
    public async Task A_language_chosen_in_settings_beats_the_browser_on_every_page_until_given_back_to_it()
    {
        await _app.SignedInMerchantAsync("polyglot@language.test");
        var browser = new CookieJarBrowser(_app, "en-GB,en;q=0.9");
        await browser.SignInAsync("polyglot@language.test", "signed-in-pass-1");

        var chosen = await browser.PostFormAsync("/account/language", Language("ar"));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("ar", await StoredLanguageAsync("polyglot@language.test"));
        foreach (var path in new[] { "/settings/account", "/links", "/payments" })
        {
            var page = LocalizedPage.Parse(await (await browser.SendAsync(HttpMethod.Get, path)).Content.ReadAsStringAsync());
            Assert.True((page.Language, page.Direction) == ("ar", "rtl"), $"{path} is {page.Language} {page.Direction}");
        }
        var choice = LocalizedPage.Parse(await (await browser.SendAsync(HttpMethod.Get, "/settings/account")).Content.ReadAsStringAsync());
        Assert.Equal("ar", choice.Document.QuerySelector("input[type=hidden][name=language]")?.GetAttribute("value"));

        await browser.PostFormAsync("/account/language", Language(""));

        Assert.Null(await StoredLanguageAsync("polyglot@language.test"));
        Assert.Equal("en", LocalizedPage.Parse(await (await browser.SendAsync(HttpMethod.Get, "/links")).Content.ReadAsStringAsync()).Language);
    }

    [Theory]
    [InlineData("ja")] // a checkout language, not a dashboard one
    [InlineData("xx-garbage")]
    [InlineData("<script>")]
    public async Task A_language_the_dashboard_does_not_have_changes_nothing(string language)
    {
        await _app.SignedInMerchantAsync("careful@language.test");
        var browser = new CookieJarBrowser(_app, "fr-FR");
        await browser.SignInAsync("careful@language.test", "signed-in-pass-1");
        await browser.PostFormAsync("/account/language", Language("de"));

        var refused = await browser.PostFormAsync("/account/language", Language(language));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("de", await StoredLanguageAsync("careful@language.test"));
        Assert.Equal("de", LocalizedPage.Parse(await (await browser.SendAsync(HttpMethod.Get, "/links")).Content.ReadAsStringAsync()).Language);
    }

    [Fact]
    public async Task A_choice_posted_without_the_pages_token_is_refused()
    {
        await _app.SignedInMerchantAsync("forged@language.test");
        var browser = new CookieJarBrowser(_app);
        await browser.SignInAsync("forged@language.test", "signed-in-pass-1");

        var forged = await browser.SendAsync(HttpMethod.Post, "/account/language", new FormUrlEncodedContent([new("language", "ar")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await StoredLanguageAsync("forged@language.test"));
    }

    private static KeyValuePair<string, string> Language(string name) => new("language", name);

    private async Task<string?> StoredLanguageAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.DashboardLanguage;
    }
}
