using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Http;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>What one client address may do without an account: past each limit, 429 with Retry-After.</summary>
public sealed class ClientRateLimitTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(Limits(3));

    private static Dictionary<string, string> Limits(int permits, params (string Key, string Value)[] more)
    {
        var settings = new[] { "CheckoutView", "CheckoutPost", "SignIn", "Register", "FailedApiAuthentication", "FailedSignInPerAccount" }
            .ToDictionary(limit => $"RateLimits:{limit}:PermitLimit", _ => permits.ToString());
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task Sign_in_and_registration_posts_past_the_limit_get_429_with_retry_after(string path)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync(path, Form())).StatusCode);

        var limited = await client.PostAsync(path, Form());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 600); // a minute to sign in, ten to register
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode); // reading the page is not limited
    }

    [Fact]
    public async Task Checkout_posts_past_the_limit_get_429_and_start_nothing_more()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Busy Bakery"), maxUsages: 100);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
            await client.PostAsync($"/pay/{link.PublicId}", Form());

        var limited = await client.PostAsync($"/pay/{link.PublicId}", Form());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Checkout_views_past_the_limit_get_429_and_count_no_more_views()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Viewed Vases"), maxUsages: 100);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pay/{link.PublicId}")).StatusCode);

        var limited = await client.GetAsync($"/pay/{link.PublicId}");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        await _app.Services.GetRequiredService<CheckoutViewCounts>().FlushAsync();
        await using var db = _app.NewContext();
        Assert.Equal(3, (await db.PaymentLinks.SingleAsync(l => l.Id == link.Id)).CheckoutViews);
    }

    [Fact]
    public async Task Past_the_failed_key_limit_an_address_waits_even_with_a_right_key()
    {
        var merchant = await _app.NewMerchantAsync("Guessed Goods");
        var rightKey = await _app.ApiClientAsync(merchant);
        var guesser = _app.CreateClient();
        guesser.DefaultRequestHeaders.Add("x-api-key", "plk_guess");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/v1/payment-links")).StatusCode);

        var limited = await guesser.GetAsync("/api/v1/payment-links");
        var rightButSameAddress = await rightKey.GetAsync("/api/v1/payment-links");

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (limited.StatusCode, rightButSameAddress.StatusCode));
        Assert.Contains("rate_limited", await limited.Content.ReadAsStringAsync());
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Each_address_has_its_own_allowance()
    {
        using var limiter = ClientRateLimits.Create(new ClientRateLimitOptions { SignIn = new() { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) } });

        Assert.True(limiter.AttemptAcquire(SignInFrom("203.0.113.1")).IsAcquired);
        Assert.False(limiter.AttemptAcquire(SignInFrom("203.0.113.1")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(SignInFrom("203.0.113.2")).IsAcquired);
        var dashboard = new DefaultHttpContext { Request = { Method = "GET", Path = "/" } };
        Assert.True(limiter.AttemptAcquire(dashboard).IsAcquired && limiter.AttemptAcquire(dashboard).IsAcquired);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_forwarded_client_address_counts_only_when_it_comes_from_a_configured_proxy(bool loopbackIsTrusted)
    {
        var settings = Limits(1);
        if (loopbackIsTrusted)
            settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        await using var app = new DashboardApp(settings);
        using var client = new HttpClient { BaseAddress = app.ServeOnRealSocket() };

        await PostFromAsync(client, "203.0.113.1");
        var secondClient = await PostFromAsync(client, "203.0.113.2");

        // Behind a trusted proxy the two forwarded clients have one attempt each; otherwise both are the proxy itself.
        Assert.Equal(loopbackIsTrusted ? HttpStatusCode.BadRequest : HttpStatusCode.TooManyRequests, secondClient.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = Form() };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    /// <summary>A sign-in post as the limiter sees it: routed to the sign-in page's endpoint.</summary>
    private static DefaultHttpContext SignInFrom(string address)
    {
        var http = new DefaultHttpContext { Request = { Method = "POST", Path = "/account/login" }, Connection = { RemoteIpAddress = IPAddress.Parse(address) } };
        http.SetEndpoint(new Microsoft.AspNetCore.Routing.RouteEndpoint(
            _ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/account/login"), 0, null, "sign-in"));
        return http;
    }

    private static FormUrlEncodedContent Form() => new([new("Input.Email", "someone@shop.test"), new("Input.Password", "wrong-password")]);
}
