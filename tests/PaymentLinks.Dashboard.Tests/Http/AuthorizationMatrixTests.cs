using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// Every route the app maps × {anonymous, merchant A, merchant B, A's cookie replayed after signing out, a revoked key,
/// a read-only key, A's live key (A's links here are test mode's), each other role's member of A and key of A, and a
/// Developer of A viewing live mode without the grant}: who gets in, and nobody reaches merchant A's data but A's
/// own, within what each role allows. The routes come from the app's own endpoint data sources, so a new endpoint
/// without a line in <see cref="Matrix"/> fails this test until someone decides who may use it and with which permission.
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

    /// <summary>Who may use a route, and the permission a member's or key's role needs for it (none: any of them).</summary>
    private sealed record Rule(Access Access, Permission? Needs = null)
    {
        public static implicit operator Rule(Access access) => new(access);
    }

    private static Rule Page(Permission? needs = null) => new(Access.DashboardPage, needs);
    private static Rule Read(Permission needs) => new(Access.ApiRead, needs);
    private static Rule Write(Permission needs) => new(Access.ApiWrite, needs);

    private static readonly Dictionary<string, Rule> Matrix = new()
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
        ["GET,POST /account/invitation"] = Access.Public,
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
        ["GET,POST /"] = Page(Permission.ViewOverview),
        ["GET,POST /links"] = Page(Permission.ViewLinks),
        ["GET,POST /links/new"] = Page(Permission.EditLinks),
        ["GET,POST /payments"] = Page(Permission.ViewPayments),
        ["GET /payments/export"] = Page(Permission.Export),
        ["GET,POST /payments/{Id:guid}"] = Page(Permission.ViewPayments),
        ["GET,POST /links/{Id:guid}"] = Page(Permission.ViewLinks),
        ["GET,POST /links/{Id:guid}/edit"] = Page(Permission.EditLinks),
        ["GET,POST /settings/account"] = Page(),
        ["GET,POST /settings/api-keys"] = Page(Permission.ManageApiKeys),
        ["GET,POST /settings/webhooks"] = Page(Permission.ManageWebhooks),
        ["GET,POST /settings/payments"] = Page(Permission.ManageProvider),
        ["GET,POST /settings/two-factor"] = Page(),
        ["GET,POST /settings/members"] = Page(Permission.ManageMembers),
        ["GET,POST /activity"] = Page(Permission.ViewActivity),
        ["GET /activity/export"] = Page(Permission.ViewActivity),
        ["GET,POST /not-allowed"] = Page(),
        ["GET,POST /account/password"] = Page(),
        ["POST /account/logout"] = Access.FormPost,
        ["POST /account/logout-everywhere"] = Access.FormPost,
        ["POST /account/switch-business"] = Access.FormPost,
        ["POST /account/language"] = Access.FormPost,
        ["GET /api/v1/payment-links/"] = Read(Permission.ViewLinks),
        ["GET /api/v1/payment-links/{id}"] = Read(Permission.ViewLinks),
        ["GET /api/v1/payments/{id}"] = Read(Permission.ViewPayments),
        ["GET /api/v1/payment-links/{id}/payments"] = Read(Permission.ViewPayments),
        ["GET /api/v1/payments/{id}/refunds"] = Read(Permission.ViewPayments),
        ["GET /api/v1/events/"] = Read(Permission.ViewActivity),
        ["POST /api/v1/payments/{id}/refunds"] = Write(Permission.Refund),
        ["POST /api/v1/payment-links/"] = Write(Permission.EditLinks),
        ["PATCH /api/v1/payment-links/{id}"] = Write(Permission.EditLinks),
        ["PATCH /api/v1/payment-links/{id}/status"] = Write(Permission.EditLinks),
        ["POST /api/v1/payment-links/{id}/duplicate"] = Write(Permission.EditLinks),
        ["POST /api/v1/payment-links/{id}/expire"] = Write(Permission.EditLinks),
        ["POST /api/v1/payment-links/{id}/deactivate"] = Write(Permission.EditLinks),
        ["POST /api/v1/payment-links/{id}/activate"] = Write(Permission.EditLinks),
        ["POST /api/v1/payment-links/{id}/archive"] = Write(Permission.ArchiveLinks),
        ["* /api/{**rest}"] = Access.ApiFallback,
    };

    private const string SecretTitle = "Merchant A's secret recipe";
    private static readonly MemberRole[] OtherRoles = [MemberRole.Admin, MemberRole.Finance, MemberRole.Developer, MemberRole.Support, MemberRole.Viewer];
    private readonly DashboardApp _app = new();
    private readonly Dictionary<string, HttpClient> _callers = [];

    /// <summary>The callers who act for A: a person signed in (in the mode they view) or a key, with the role each has.</summary>
    private readonly Dictionary<string, (MemberRole Role, bool Live, bool IsKey)> _ofA = [];
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
        AddOfA("merchant A", aPages, MemberRole.Owner);
        _callers["merchant B"] = bPages;
        _callers["A signed out, cookie replayed"] = await SignedOutCookieOfAAsync();
        AddOfA("A's key", Client((await keys.CreateAsync(a, "a")).Value.Secret), MemberRole.Owner, isKey: true);
        _callers["B's key"] = Client((await keys.CreateAsync(b, "b")).Value.Secret);
        _callers["A's live key"] = Client((await keys.CreateAsync(a with { Livemode = true }, "a live")).Value.Secret);
        _callers["revoked key"] = Client(revoked.Secret);
        AddOfA("read-only key", Client((await keys.CreateAsync(a, "reader", ApiKeyScope.Read)).Value.Secret), MemberRole.Owner, isKey: true);
        foreach (var role in OtherRoles)
        {
            AddOfA($"A's {role}", await _app.SignedInMemberAsync(a, $"{role}@matrix.test".ToLowerInvariant(), role), role);
            AddOfA($"A's {role} key", Client((await keys.CreateAsync(a, $"{role} key", role: role)).Value.Secret), role, isKey: true);
        }
        AddOfA("A's Developer viewing live mode", await _app.SignedInMemberAsync(a, "live-developer@matrix.test", MemberRole.Developer, viewsLiveMode: true),
            MemberRole.Developer, live: true);
        var payments = _app.Services.GetRequiredService<PaymentService>();
        _paymentOfA = (await payments.CompleteAsync((await payments.StartAsync((await NewLinkOfAAsync()).PublicId)).Value.Id)).Value;
    }

    private void AddOfA(string caller, HttpClient client, MemberRole role, bool isKey = false, bool live = false)
    {
        _callers[caller] = client;
        _ofA[caller] = (role, live, isKey);
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
        foreach (var (route, rule) in Matrix.Where(r => r.Value.Access is not Access.Framework))
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
                    if (Problem(rule, method, caller, response, body, changed: unchanged.Version != link.Version) is { } problem)
                        failures.Add($"{method} {path} as {caller}: {problem} (got {(int)response.StatusCode})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What is wrong with an answer, or null when it is what <paramref name="rule"/> promises this caller.</summary>
    private string? Problem(Rule rule, string method, string caller, HttpResponseMessage response, string body, bool changed)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
            return "a server error";
        var ofA = _ofA.TryGetValue(caller, out var member);
        // A person's role counts in the mode they view: a Developer without the grant views test mode, whatever they chose.
        // A key's role counts in its own mode.
        var viewsLive = member.Live && member.Role != MemberRole.Developer;
        var allowed = ofA && (rule.Needs is not { } needs
            || (member.IsKey ? RolePermissions.Allows(member.Role, needs) : RolePermissions.Allows(member.Role, grantedLive: false, needs, viewsLive)));
        if (!ofA && body.Contains(SecretTitle))
            return "A's link was shown";
        if (changed && !(ofA && member.IsKey && allowed && caller != "read-only key"))
            return "A's link was changed";
        return rule.Access switch
        {
            Access.Public or Access.Checkout => status is 401 or 403 ? "refused a public page" : null,
            // A bare POST carries no form token: refused (400) whoever sends it, or before that for a role without the page.
            Access.DashboardPage when method == "POST" => status is 400 || IsRedirectToSignIn(response) || IsRedirectToNotAllowed(response)
                ? null : "a post without the page's token was taken",
            Access.DashboardPage => caller == "merchant B" || (ofA && !member.IsKey)
                ? caller == "merchant B" || allowed
                    ? status == 200 ? null : "a signed-in member was refused a page their role opens"
                    : IsRedirectToNotAllowed(response) ? null : "a page the role does not open was not refused"
                : IsRedirectToSignIn(response) ? null : "not sent to sign in",
            Access.FormPost => status == 400 && !changed ? null : "a post without the page's token was taken",
            Access.ApiRead => caller switch
            {
                "B's key" or "A's live key" => status is 200 or 404 ? null : "another world's key did not get its own view",
                _ when ofA && member.IsKey => allowed
                    ? status == 200 ? null : "a key whose role may read was refused"
                    : status == 403 ? null : "a key whose role may not read was not refused with 403",
                _ => status == 401 ? null : "no usable key, yet not 401",
            },
            Access.ApiWrite => caller switch
            {
                "read-only key" => status == 403 && !changed ? null : "a read-only key was not refused with 403",
                "B's key" => status is 404 || (status == 201 && IsCreate(response) && !changed) ? null : "another merchant's key reached A's link or payment",
                // A live link cannot be published without a provider: creating one (published by default) is refused.
                "A's live key" => status is 404 || (status == 409 && IsCreate(response) && !changed) ? null : "a live key reached A's test link",
                _ when ofA && member.IsKey => allowed
                    ? status is 200 or 201 ? null : "a key whose role may do this could not"
                    : status == 403 && !changed ? null : "a key whose role may not do this was not refused with 403",
                _ => status == 401 ? null : "no usable key, yet not 401",
            },
            Access.ApiFallback => status is 401 or 404 ? null : "an unrouted API call was not 401 or 404",
            _ => null,
        };
    }

    private static bool IsCreate(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/payment-links/");

    private static bool IsRedirectToNotAllowed(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location?.ToString().Contains("not-allowed") == true;

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
