using System.Globalization;
using System.Threading.RateLimiting;

namespace PaymentLinks.Dashboard.Http;

/// <summary>One limit: so many requests per window from one client address.</summary>
public sealed class ClientLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }

    public FixedWindowRateLimiterOptions ToLimiterOptions() => new() { PermitLimit = PermitLimit, Window = Window, QueueLimit = 0 };
}

/// <summary>The anonymous doors and what one client address may push through them.</summary>
public sealed class ClientRateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Opening checkout pages (each counts a view).</summary>
    public ClientLimit CheckoutView { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Paying, approving and declining.</summary>
    public ClientLimit CheckoutPost { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public ClientLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public ClientLimit Register { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary>API calls with a wrong or revoked key; past it, even a right key waits (see <c>FailedApiAuthentications</c>).</summary>
    public ClientLimit FailedApiAuthentication { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Wrong passwords for one account from one address (see <c>FailedSignIns</c>).</summary>
    public ClientLimit FailedSignInPerAccount { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };
}

/// <summary>
/// Rate limits per client address on what anyone can do without an account: open and pay checkout pages,
/// sign in, register. Past a limit the answer is 429 with Retry-After. The address is the connection's, or
/// the one a trusted proxy forwarded (see <see cref="TrustedProxies"/>).
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The forms that take a password, a code or an email address to send a link to.</summary>
    private static readonly HashSet<string> SignInForms =
    [
        "/account/login", "/account/login-2fa", "/account/forgot-password", "/account/reset-password",
    ];

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static void AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ClientRateLimitOptions.Section);
        services.Configure<ClientRateLimitOptions>(section);
        var limits = section.Get<ClientRateLimitOptions>() ?? new ClientRateLimitOptions();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options => options.GlobalLimiter = Create(limits));
    }

    /// <summary>The limiter for the whole app: requests outside the anonymous doors pass untouched.</summary>
    public static PartitionedRateLimiter<HttpContext> Create(ClientRateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => LimitFor(http.Request, limits) is { } limit
            ? RateLimitPartition.GetFixedWindowLimiter($"{limit.Name}|{AddressOf(http)}", _ => limit.Value.ToLimiterOptions())
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>
    /// The limit of the endpoint routing chose, by its route pattern, never by how the path was spelt: routing takes
    /// <c>/account/login/</c> and <c>/ACCOUNT/LOGIN</c> for <c>/account/login</c>, so must the limit. A path no endpoint
    /// takes is answered 404 and does nothing, so it needs no limit.
    /// </summary>
    private static (string Name, ClientLimit Value)? LimitFor(HttpRequest request, ClientRateLimitOptions limits)
    {
        if ((request.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is not { } route)
            return null;
        var post = HttpMethods.IsPost(request.Method);
        if (route.StartsWith("/pay/", StringComparison.Ordinal))
            return post ? ("checkout-post", limits.CheckoutPost) : ("checkout-view", limits.CheckoutView);
        if (post && SignInForms.Contains(route))
            return ("sign-in", limits.SignIn);
        if (post && route == "/account/register")
            return ("register", limits.Register);
        return null;
    }

    /// <summary>The 429 answer, with Retry-After: the API's JSON error on the API, the checkout's page in the customer's language on the checkout, a short page elsewhere.</summary>
    public static async ValueTask RejectAsync(HttpContext http, TimeSpan retryAfter, string apiMessage, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.Response.WriteAsJsonAsync(new Api.ApiError(Api.ApiErrorCodes.RateLimited,
                new Api.ApiMessage($"{apiMessage} Retry after {seconds} s.")), Api.ApiJson.Options, ct);
            return;
        }
        if (Checkout.CheckoutEndpoints.IsCheckout(http))
        {
            await Checkout.CheckoutFailurePages.Page(Checkout.CheckoutProblem.TooManyRequests, seconds).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests</title></head><body>" +
            $"<h1>Too many requests</h1><p>Too many attempts from your connection. Please wait {seconds} seconds and try again.</p>" +
            "</body></html>", ct);
    }
}
