using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// Every route the app maps × {anonymous, merchant A, merchant B, A's cookie replayed after signing out, a revoked key,
/// a read-only key, A's live key (A's links here are test mode's)}: who gets in,
/// and nobody reaches merchant A's data but A. The routes come from the app's own endpoint data sources, so a
/// new endpoint without a line in <see cref="Matrix"/> fails this test until someone decides who may use it.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private enum Access
    {
        /// <summary>Anyone: sign-in pages, health, the API description, error pages.</summary>
        Public,
        /// <summary>Anyone, as a customer: checkout pages of a published link.</summary>
        Checkout,
        /// <summary>Blazor's own plumbing (circuits, redirects): reached only by its script.</summary>
        Framework,
        /// <summary>A dashboard page: a signed-in merchant only, showing only its own data.</summary>
        DashboardPage,
        /// <summary>A dashboard form post (sign-out): refused without the page's antiforgery token, for everyone.</summary>
        FormPost,
        /// <summary>An API read: any usable key of the owner.</summary>
        ApiRead,
        /// <summary>An API change: a usable read-and-write key of the owner.</summary>
        ApiWrite,
        /// <summary>What no API route takes: a JSON 404 for anyone with a key.</summary>
        ApiFallback,
    }

    private static readonly Dictionary<string, Access> Matrix = new()
    {
        ["* /health"] = Access.Public,
        ["* /healthz"] = Access.Public,
        ["* /readyz"] = Access.Public,
        ["GET /openapi/v1.json"] = Access.Public,
        ["GET,POST /account/login"] = Access.Public,
        ["GET,POST /account/login-2fa"] = Access.Public,
        ["GET,POST /account/register"] = Access.Public,
        ["GET,POST /account/forgot-password"] = Access.Public,
        ["GET,POST /account/reset-password"] = Access.Public,
        // The mailed links: the token in the address is the credential, checked by the page.
        ["GET,POST /account/confirm-email"] = Access.Public,
        ["GET,POST /account/confirm-email-change"] = Access.Public,
        // A notification's unsubscribe: only a sealed token of ours changes anything (UnsubscribeTests).
        ["GET /mail/unsubscribe/{token}/"] = Access.Public,
        ["POST /mail/unsubscribe/{token}/"] = Access.Public,
        ["GET,POST /error"] = Access.Public,
        ["GET,POST /not-found"] = Access.Public,
        ["GET /pay/{publicId}"] = Access.Checkout,
        ["POST /pay/{publicId}"] = Access.Checkout,
        ["GET /pay/{publicId}/bank/{paymentId:guid}"] = Access.Checkout,
        ["POST /pay/{publicId}/bank/{paymentId:guid}/{answer}"] = Access.Checkout,
        ["GET /pay/{publicId}/payments/{paymentId:guid}"] = Access.Checkout,
        ["GET /pay/{publicId}/stripe/{paymentId:guid}"] = Access.Checkout,
        // Stripe's events: anyone may post, only a body signed with the connection's secret changes anything.
        ["POST /stripe/webhooks/{token}"] = Access.Public,
        ["GET /brand/{merchantId:guid}/logo"] = Access.Public,
        ["GET /brand/{merchantId:guid}/theme.css"] = Access.Public,
        ["GET /_framework/opaque-redirect"] = Access.Framework,
        ["* /_blazor"] = Access.Framework,
        ["* /_blazor/negotiate"] = Access.Framework,
        ["* /_blazor/disconnect/"] = Access.Framework,
        ["* /_blazor/initializers/"] = Access.Framework,
        ["GET,POST /"] = Access.DashboardPage,
        ["GET,POST /links"] = Access.DashboardPage,
        ["GET,POST /links/new"] = Access.DashboardPage,
        ["GET,POST /payments"] = Access.DashboardPage,
        ["GET /payments/export"] = Access.DashboardPage,
        ["GET,POST /payments/{Id:guid}"] = Access.DashboardPage,
        ["GET,POST /links/{Id:guid}"] = Access.DashboardPage,
        ["GET,POST /links/{Id:guid}/edit"] = Access.DashboardPage,
        ["GET,POST /settings/account"] = Access.DashboardPage,
        ["GET,POST /settings/api-keys"] = Access.DashboardPage,
        ["GET,POST /settings/webhooks"] = Access.DashboardPage,
        ["GET,POST /settings/payments"] = Access.DashboardPage,
        ["GET,POST /settings/two-factor"] = Access.DashboardPage,
        ["GET,POST /not-allowed"] = Access.DashboardPage,
        ["GET,POST /account/password"] = Access.DashboardPage,
        ["POST /account/logout"] = Access.FormPost,
        ["POST /account/logout-everywhere"] = Access.FormPost,
        ["GET /api/v1/payment-links/"] = Access.ApiRead,
        ["GET /api/v1/payment-links/{id}"] = Access.ApiRead,
        ["GET /api/v1/payments/{id}"] = Access.ApiRead,
        ["GET /api/v1/payment-links/{id}/payments"] = Access.ApiRead,
        ["GET /api/v1/payments/{id}/refunds"] = Access.ApiRead,
        ["POST /api/v1/payments/{id}/refunds"] = Access.ApiWrite,
        ["POST /api/v1/payment-links/"] = Access.ApiWrite,
        ["PATCH /api/v1/payment-links/{id}"] = Access.ApiWrite,
        ["PATCH /api/v1/payment-links/{id}/status"] = Access.ApiWrite,
        ["POST /api/v1/payment-links/{id}/duplicate"] = Access.ApiWrite,
        ["POST /api/v1/payment-links/{id}/expire"] = Access.ApiWrite,
        ["POST /api/v1/payment-links/{id}/deactivate"] = Access.ApiWrite,
        ["POST /api/v1/payment-links/{id}/activate"] = Access.ApiWrite,
        ["POST /api/v1/payment-links/{id}/archive"] = Access.ApiWrite,
        ["* /api/{**rest}"] = Access.ApiFallback,
    };

    private const string SecretTitle = "Merchant A's secret recipe";
    private readonly DashboardApp _app = new();
    private readonly Dictionary<string, HttpClient> _callers = [];
    private MerchantCaller _merchantA = default!;
    private PaymentView _paymentOfA = default!;

    public async Task InitializeAsync()
    {
        _app.StartServer();
        var (a, aPages) = await _app.SignedInMerchantAsync("a@matrix.test");
        var (b, bPages) = await _app.SignedInMerchantAsync("b@matrix.test");
        _merchantA = a;
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var revoked = (await keys.CreateAsync(a, "revoked")).Value;
        await keys.RevokeAsync(a, revoked.Key.Id);
        _callers["anonymous"] = Client();
        _callers["merchant A"] = aPages;
        _callers["merchant B"] = bPages;
        _callers["A signed out, cookie replayed"] = await SignedOutCookieOfAAsync();
        _callers["A's key"] = Client((await keys.CreateAsync(a, "a")).Value.Secret);
        _callers["B's key"] = Client((await keys.CreateAsync(b, "b")).Value.Secret);
        _callers["A's live key"] = Client((await keys.CreateAsync(a with { Livemode = true }, "a live")).Value.Secret);
        _callers["revoked key"] = Client(revoked.Secret);
        _callers["read-only key"] = Client((await keys.CreateAsync(a, "reader", ApiKeyScope.Read)).Value.Secret);
        var payments = _app.Services.GetRequiredService<PaymentService>();
        _paymentOfA = (await payments.CompleteAsync((await payments.StartAsync((await NewLinkOfAAsync()).PublicId)).Value.Id)).Value;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Every_mapped_route_has_a_line_in_the_matrix_and_every_line_a_route()
    {
        var mapped = MappedRoutes();

        Assert.Empty(mapped.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(mapped));
    }

    [Fact]
    public async Task Each_caller_gets_what_the_matrix_says_and_no_one_but_A_sees_or_changes_As_data()
    {
        var failures = new List<string>();
        foreach (var (route, access) in Matrix.Where(r => r.Value is not Access.Framework))
        {
            foreach (var method in MethodsToTry(route))
            {
                foreach (var (caller, client) in _callers)
                {
                    var link = await NewLinkOfAAsync();
                    var path = Fill(route.Split(' ')[1], link);
                    using var response = await client.SendAsync(Request(method, path));
                    var body = await response.Content.ReadAsStringAsync();
                    var unchanged = (await _app.Links.GetAsync(_merchantA, link.Id.ToString())).Value;
                    if (Problem(access, method, caller, response, body, changed: unchanged.Version != link.Version) is { } problem)
                        failures.Add($"{method} {path} as {caller}: {problem} (got {(int)response.StatusCode})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What is wrong with an answer, or null when it is what <paramref name="access"/> promises this caller.</summary>
    private static string? Problem(Access access, string method, string caller, HttpResponseMessage response, string body, bool changed)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
            return "a server error";
        var isOwner = caller is "merchant A" or "A's key";
        if (!isOwner && body.Contains(SecretTitle))
            return "A's link was shown";
        if (!isOwner && caller != "read-only key" && changed)
            return "A's link was changed";
        return access switch
        {
            Access.Public or Access.Checkout => status is 401 or 403 ? "refused a public page" : null,
            // A bare POST carries no form token: refused (400) whoever sends it; a GET opens the page to a merchant only.
            Access.DashboardPage when method == "POST" => status is 400 || IsRedirectToSignIn(response) ? null : "a post without the page's token was taken",
            Access.DashboardPage => caller is "merchant A" or "merchant B"
                ? status == 200 ? null : "a signed-in merchant was refused"
                : IsRedirectToSignIn(response) ? null : "not sent to sign in",
            Access.FormPost => status == 400 && !changed ? null : "a post without the page's token was taken",
            Access.ApiRead => caller switch
            {
                "A's key" or "read-only key" => status == 200 ? null : "the owner's key was refused",
                "B's key" or "A's live key" => status is 200 or 404 ? null : "another world's key did not get its own view",
                _ => status == 401 ? null : "no usable key, yet not 401",
            },
            Access.ApiWrite => caller switch
            {
                "A's key" => status is 200 or 201 ? null : "the owner's key could not change its link",
                "read-only key" => status == 403 && !changed ? null : "a read-only key was not refused with 403",
                "B's key" => status is 404 || (status == 201 && IsCreate(response) && !changed) ? null : "another merchant's key reached A's link or payment",
                // A live link cannot be published without a provider: creating one (published by default) is refused.
                "A's live key" => status is 404 || (status == 409 && IsCreate(response) && !changed) ? null : "a live key reached A's test link",
                _ => status == 401 ? null : "no usable key, yet not 401",
            },
            Access.ApiFallback => status is 401 or 404 ? null : "an unrouted API call was not 401 or 404",
            _ => null,
        };
    }

    private static bool IsCreate(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/payment-links/");

    private static bool IsRedirectToSignIn(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location?.ToString().Contains("account/login") == true;

    private string Fill(string pattern, LinkView link) => pattern
        .Replace("{Id:guid}", pattern.StartsWith("/payments/") ? _paymentOfA.Id.ToString() : link.Id.ToString())
        .Replace("{id}", pattern.StartsWith("/api/v1/payments/") ? _paymentOfA.Id.ToString() : link.Id.ToString())
        .Replace("{publicId}", link.PublicId)
        .Replace("{merchantId:guid}", _merchantA.MerchantId.ToString())
        .Replace("{paymentId:guid}", _paymentOfA.Id.ToString())
        .Replace("{answer}", "approve")
        .Replace("{**rest}", "nothing-is-here");

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "HEAD" ? null
            : path.StartsWith("/api/") ? new StringContent(path.EndsWith("/status") ? """{"status":"inactive"}"""
                : path.EndsWith("/refunds") ? """{"amount":0.01}"""
                : path.EndsWith("payment-links/") ? """{"title":"Created in the matrix","amount":5,"currency":"EUR"}""" : """{"title":"Renamed in the matrix"}""",
                Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent([]),
    };

    private static IEnumerable<string> MethodsToTry(string route) => route.Split(' ')[0] switch
    {
        "*" => ["GET"],
        var methods => methods.Split(','),
    };

    private HashSet<string> MappedRoutes() => _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
        .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith('/')) // the rest are static files, public by nature
        .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
        .ToHashSet();

    /// <summary>A second sign-in of A's, its cookie copied before it signed out: anonymous from then on, everywhere.</summary>
    private async Task<HttpClient> SignedOutCookieOfAAsync()
    {
        var browser = new CookieJarBrowser(_app);
        await browser.SignInAsync("a@matrix.test", "signed-in-pass-1");
        var copied = browser.Cookies;
        await browser.SignOutAsync();
        return CookieJarBrowser.Replaying(_app, copied);
    }

    private async Task<LinkView> NewLinkOfAAsync() =>
        (await _app.Links.CreateAsync(_merchantA, new LinkSettings { Title = SecretTitle, Amount = 12m, Currency = "EUR", MaxUsages = 50 }, publish: true)).Value;

    private HttpClient Client(string? key = null)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
            client.DefaultRequestHeaders.Add("x-api-key", key);
        return client;
    }
}
