using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// Guessing the current password on the change-password page, or 2FA codes, is limited as wrong sign-ins are: per
/// account and address, so the guesser stops and the owner, elsewhere, carries on (behind a trusted proxy, so each
/// browser can name its address).
/// </summary>
public sealed class CredentialGuessTests : IAsyncLifetime
{
    private const string Email = "owner@guess.test";
    private const string Password = "owners-pass-1";
    private const int Permits = 3;
    private readonly DashboardApp _app = new(new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["RateLimits:FailedSignInPerAccount:PermitLimit"] = Permits.ToString(),
    });
    private Uri _server = default!;

    public async Task InitializeAsync()
    {
        _server = _app.ServeOnRealSocket();
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync(Email, Password, "Guessed Goods")).Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Guesses_at_the_current_password_stop_after_the_limit_even_for_the_right_one_and_change_nothing()
    {
        using var borrowed = Browser("203.0.113.7");
        Assert.True(SignInForm.SignedIn(await SignInAsync(borrowed)));

        for (var i = 0; i < Permits; i++)
            Assert.Contains("That is not your current password.", await ChangePasswordAsync(borrowed, "guess-" + i));
        var stopped = await ChangePasswordAsync(borrowed, Password);

        Assert.Contains("Too many wrong passwords from here.", stopped);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Email))!;
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.Empty(await StoredAudit.OfAsync(_app.Services, user.Id, AuditKinds.PasswordChanged));
    }

    [Fact]
    public async Task A_changed_password_is_in_the_audit_log_once_with_the_address_it_came_from()
    {
        using var browser = Browser("203.0.113.8");
        Assert.True(SignInForm.SignedIn(await SignInAsync(browser)));
        Assert.Contains("That is not your current password.", await ChangePasswordAsync(browser, "a-wrong-one"));

        var changed = await SubmitPasswordChangeAsync(browser, Password);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(Email))!;
        var entry = Assert.Single(await StoredAudit.OfAsync(_app.Services, user.Id, AuditKinds.PasswordChanged));
        Assert.Equal(("Changed the password.", "203.0.113.8", Email), (entry.Summary, entry.Address, entry.ActorLabel));
    }

    [Fact]
    public async Task Wrong_two_factor_codes_stop_the_guesser_while_the_owner_signs_in_from_elsewhere()
    {
        var key = await TurnOnTwoFactorAsync();
        var right = Totp.Code(key, DateTimeOffset.UtcNow);
        var wrong = ((int.Parse(right) + 1) % 1_000_000).ToString("D6");
        using var guesser = Browser("203.0.113.7");
        await SignInAsync(guesser);

        for (var i = 0; i < Permits; i++)
            Assert.Contains("That code is not right.", await ReadAsync(await CodeAsync(guesser, wrong)));
        Assert.Contains("Too many wrong codes from here.", await ReadAsync(await CodeAsync(guesser, right)));

        using var owner = Browser("198.51.100.9");
        await SignInAsync(owner);
        Assert.True(SignInForm.SignedIn(await CodeAsync(owner, right)), "the owner, elsewhere, was kept out");
        await using var check = _app.Services.CreateAsyncScope();
        var accounts = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.False(await accounts.IsLockedOutAsync((await accounts.FindByEmailAsync(Email))!));
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_a_second_session_with_the_same_code_is_refused()
    {
        var key = await TurnOnTwoFactorAsync();
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        using var first = Browser("203.0.113.20");
        using var second = Browser("203.0.113.21");
        await SignInAsync(first);
        await SignInAsync(second);

        Assert.True(SignInForm.SignedIn(await CodeAsync(first, code)));
        Assert.Contains("That code is not right.", await ReadAsync(await CodeAsync(second, code)));
        Assert.True(SignInForm.SignedIn(await CodeAsync(second, Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)))), "the next code was refused");
    }

    private async Task<string> TurnOnTwoFactorAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private HttpClient Browser(string address)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _server };
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser) =>
        SignInForm.SubmitAsync((method, content) => browser.SendAsync(new HttpRequestMessage(method, "/account/login") { Content = content }), Email, Password);

    private static async Task<string> ChangePasswordAsync(HttpClient browser, string current) => await ReadAsync(await SubmitPasswordChangeAsync(browser, current));

    private static Task<HttpResponseMessage> SubmitPasswordChangeAsync(HttpClient browser, string current) => SignInForm.SubmitAsync(
        (method, content) => browser.SendAsync(new HttpRequestMessage(method, "/account/password") { Content = content }),
        new() { ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = "brand-new-pass-1" });

    private static Task<HttpResponseMessage> CodeAsync(HttpClient browser, string code) => SignInForm.SubmitAsync(
        (method, content) => browser.SendAsync(new HttpRequestMessage(method, "/account/login-2fa") { Content = content }),
        new() { ["Input.Code"] = code });

    private static async Task<string> ReadAsync(HttpResponseMessage answer) => await answer.Content.ReadAsStringAsync();
}
