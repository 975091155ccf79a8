using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// Wrong passwords stop the guesser where they guess from, not the account's owner: nobody can lock a known
/// email address out by failing on purpose. (Behind a trusted proxy, so each request can name its client.)
/// </summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private const string Email = "owner@throttle.test";
    private const string Password = "owners-pass-1";
    private readonly DashboardApp _app = new(new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["RateLimits:FailedSignInPerAccount:PermitLimit"] = "5",
    });
    private HttpClient _browser = default!;

    public async Task InitializeAsync()
    {
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.ServeOnRealSocket() };
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync(Email, Password, "Throttled Threads")).Succeeded);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_block_that_address_for_that_account_while_the_owner_signs_in_from_elsewhere()
    {
        for (var i = 0; i < 5; i++)
            Assert.Contains("Email or password is not right.", await SignInAsync("203.0.113.7", "wrong-guess-" + i));

        Assert.Contains("Too many failed attempts from here.", await SignInAsync("203.0.113.7", Password));
        Assert.Equal("signed in", await SignInAsync("198.51.100.9", Password));
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(Email))!));
    }

    /// <summary>The sign-in form as a browser at <paramref name="address"/> fills it in: "signed in", or the page's message.</summary>
    private async Task<string> SignInAsync(string address, string password)
    {
        var answer = await SignInForm.SubmitAsync((method, content) => SendAsync(method, address, content), Email, password);
        return SignInForm.SignedIn(answer) ? "signed in" : await answer.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string address, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, "/account/login") { Content = content };
        request.Headers.Add("X-Forwarded-For", address);
        return await _browser.SendAsync(request);
    }
}
