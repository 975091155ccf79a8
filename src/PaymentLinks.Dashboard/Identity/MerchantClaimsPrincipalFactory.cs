using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Puts the user's merchant into the sign-in cookie, so every request knows whose links it may see, and an id
/// for this sign-in, so that signing out can end every tab opened with it (see <see cref="SessionRevalidation"/>).
/// </summary>
public sealed class MerchantClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options, IHttpContextAccessor http)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    public const string MerchantIdClaim = "merchant_id";
    public const string SessionIdClaim = "session_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MerchantIdClaim, user.MerchantId.ToString()));
        identity.AddClaim(new Claim(SessionIdClaim, SessionIdOf(http.HttpContext?.User, user) ?? Guid.NewGuid().ToString("N")));
        if (user.DashboardLanguage is { } language)
            identity.AddClaim(new Claim(DashboardLocalization.LanguageClaim, language));
        return identity;
    }

    /// <summary>
    /// A sign-in issued again from within itself (switching business, a changed password) is the same sign-in: it keeps
    /// its id, so signing out afterwards ends the cookie from before too, and a copy taken of it.
    /// </summary>
    private string? SessionIdOf(ClaimsPrincipal? current, ApplicationUser user) =>
        current?.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme && UserManager.GetUserId(current) == user.Id
            ? current.FindFirstValue(SessionIdClaim)
            : null;

    /// <summary>When the cookie is renewed from the database, the session keeps its id: it is the same sign-in.</summary>
    public static Task KeepSessionId(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionIdClaim) is { } kept && context.NewPrincipal?.Identity is ClaimsIdentity renewed)
        {
            if (renewed.FindFirst(SessionIdClaim) is { } fresh)
                renewed.RemoveClaim(fresh);
            renewed.AddClaim(new Claim(SessionIdClaim, kept.Value));
        }
        return Task.CompletedTask;
    }
}
