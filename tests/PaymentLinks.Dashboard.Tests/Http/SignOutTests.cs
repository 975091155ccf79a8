using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>A sign-in cookie copied before its session signed out opens nothing afterwards, over a real socket.</summary>
public sealed class SignOutTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync()
    {
        _app.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/account/logout")]
    [InlineData("/account/logout-everywhere")]
    public async Task After_a_sign_out_the_copied_cookie_opens_no_page_export_or_secret(string signOut)
    {
        await _app.SignedInMerchantAsync("owner@signout.test");
        var browser = new CookieJarBrowser(_app);
        await browser.SignInAsync("owner@signout.test", "signed-in-pass-1");
        var copied = browser.Cookies;
        using var thief = CookieJarBrowser.Replaying(_app, copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/settings/api-keys")).StatusCode); // the copy works while signed in

        var signedOut = await browser.SignOutAsync(signOut);

        Assert.Equal("/account/login", signedOut.Headers.Location?.OriginalString.TrimStart('~'));
        foreach (var path in new[] { "/payments/export", "/settings/api-keys", "/account/password", "/" })
        {
            using var replayed = await thief.GetAsync(path);
            Assert.True(replayed.StatusCode == HttpStatusCode.Redirect && replayed.Headers.Location!.ToString().Contains("account/login"),
                $"{path} answered {(int)replayed.StatusCode} to a signed-out cookie");
            Assert.DoesNotContain("rsec_", await replayed.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_cookie_copied_before_switching_business_ends_with_the_sign_out_after_it()
    {
        var (first, _) = await _app.SignedInMerchantAsync("switcher@signout.test");
        var second = await _app.NewMerchantAsync("Second Shop");
        await using (var db = _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
            await Members.JoinAsync(db, second.MerchantId, first.Actor.Id!, MemberRole.Viewer, DateTimeOffset.UtcNow, CancellationToken.None);
        var browser = new CookieJarBrowser(_app);
        await browser.SignInAsync("switcher@signout.test", "signed-in-pass-1");
        using var thief = CookieJarBrowser.Replaying(_app, browser.Cookies);

        await browser.PostFormAsync("/account/switch-business", new KeyValuePair<string, string>("merchantId", second.MerchantId.ToString()));
        Assert.Contains("Second Shop", await (await browser.SendAsync(HttpMethod.Get, "/settings/account")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/settings/account")).StatusCode); // the same sign-in, still in the first business
        await browser.SignOutAsync();

        using var replayed = await thief.GetAsync("/settings/account");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("account/login", replayed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Signing_out_twice_with_the_same_cookie_is_not_an_error_and_ends_the_session_once()
    {
        await _app.SignedInMerchantAsync("twice@signout.test");
        var browser = new CookieJarBrowser(_app);
        await browser.SignInAsync("twice@signout.test", "signed-in-pass-1");
        var page = await browser.SendAsync(HttpMethod.Get, "/settings/account");
        var form = await page.Content.ReadAsStringAsync();
        var copied = browser.Cookies;

        var first = await browser.SignOutAsync();
        using var replay = CookieJarBrowser.Replaying(_app, copied);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value;
        var second = await replay.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.True((int)second.StatusCode < 500, $"the second sign-out answered {(int)second.StatusCode}");
        await using var db = _app.NewContext();
        Assert.Equal(1, await db.EndedSessions.CountAsync());
    }
}
