using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Dashboard.Http;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// Authenticates API calls by key, sent as <c>x-api-key: plk_…</c> or <c>Authorization: Bearer plk_…</c>.
/// A missing, unknown, malformed or revoked key gets 401 with the API's error shape.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys,
    FailedApiAuthentications failures, IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Policy = "ApiKey";

    /// <summary>On top of <see cref="Policy"/> for whatever changes data: a read-only key gets 403 insufficient_scope.</summary>
    public const string WritePolicy = "ApiKeyWrite";
    public const string ScopeClaim = "api_key_scope";
    private const string MerchantIdClaim = "merchant_id";
    private const string KeyIdClaim = "api_key_id";
    private const string LivemodeClaim = "livemode";
    private const string RoleClaim = "api_key_role";
    private const string ThrottledItem = "api-authentication-throttled";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedSecret(Request);
        if (secret is null)
            return AuthenticateResult.NoResult();
        var address = ClientRateLimits.AddressOf(Context);
        if (failures.IsBlocked(address))
            return Throttled();
        var identity = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        if (identity is null)
            return failures.TryCountFailure(address) ? AuthenticateResult.Fail("The API key is unknown, expired or has been revoked.") : Throttled();
        var claims = new ClaimsIdentity(
        [
            new Claim(MerchantIdClaim, identity.MerchantId.ToString()),
            new Claim(KeyIdClaim, identity.KeyId.ToString()),
            new Claim(ClaimTypes.Name, identity.Name),
            new Claim(ScopeClaim, identity.Scope.ToString()),
            new Claim(LivemodeClaim, identity.Livemode ? "true" : "false"),
            new Claim(RoleClaim, identity.Role.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    private AuthenticateResult Throttled()
    {
        Context.Items[ThrottledItem] = true;
        return AuthenticateResult.Fail("Too many failed authentications from this address.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        if (Context.Items.ContainsKey(ThrottledItem))
        {
            await ClientRateLimits.RejectAsync(Context, failures.Window, "Too many failed authentications from this address.", Context.RequestAborted);
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new ApiError(ApiErrorCodes.Unauthenticated, new ApiMessage(
            failure ?? "Send your API key as x-api-key or Authorization: Bearer.")), ApiJson.Options);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var error = Context.Items[PermissionPolicies.RefusedPermissionItem] is Permission refused
            ? await RefuseRoleAsync(refused)
            : new ApiError(ApiErrorCodes.InsufficientScope, new ApiMessage("This key may only read. Use a key with read and write access to change links."));
        await Response.WriteAsJsonAsync(error, ApiJson.Options);
    }

    /// <summary>A key's role does not allow the route: the attempt goes in the audit log, as one a service refuses does.</summary>
    private async Task<ApiError> RefuseRoleAsync(Permission refused)
    {
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        await db.RefusalAsync(CallerOf(Context), refused, clock.GetUtcNow(), Context.RequestAborted);
        return new ApiError(ApiErrorCodes.Forbidden, new ApiMessage($"This key has the {RoleOf(Context.User)} role, which does not allow this."));
    }

    public static string? PresentedSecret(HttpRequest request)
    {
        var header = request.Headers["x-api-key"].ToString();
        if (!string.IsNullOrWhiteSpace(header))
            return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>The merchant and the mode the key works in (its <c>plk_test_</c> or <c>plk_live_</c>), and the key and address for the audit log.</summary>
    public static MerchantCaller CallerOf(HttpContext http) => new(
        Guid.Parse(http.User.FindFirstValue(MerchantIdClaim)!), Actor.Key(http.User.FindFirstValue(KeyIdClaim)!), http.User.FindFirstValue(LivemodeClaim) == "true")
    {
        Label = http.User.FindFirstValue(ClaimTypes.Name),
        Address = ClientRateLimits.AddressOf(http),
    };

    public static string? KeyIdOf(ClaimsPrincipal user) => user.FindFirstValue(KeyIdClaim);

    /// <summary>The role of the key that made this call; null for anyone else.</summary>
    public static MemberRole? RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<MemberRole>(user.FindFirstValue(RoleClaim), out var role) ? role : null;
}
