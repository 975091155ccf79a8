using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

public sealed class SessionRevalidationOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// How often an open dashboard checks that its sign-in still stands: a sign-out elsewhere ends it within
    /// this, well inside the minute promised (one small query per open dashboard each time).
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Keeps an open dashboard honest: every interval (30 s) its circuit checks that the user still exists, is not locked
/// out, has the same security stamp (no password change, no "sign out everywhere") and that this session was
/// not signed out. When one fails, the page falls back to the sign-in page.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory logger, IServiceScopeFactory scopes, IOptions<SessionRevalidationOptions> options)
    : RevalidatingServerAuthenticationStateProvider(logger)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || await users.IsLockedOutAsync(user))
            return false;
        var stamp = state.User.FindFirstValue(scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp != await users.GetSecurityStampAsync(user))
            return false;
        var session = state.User.FindFirstValue(MerchantClaimsPrincipalFactory.SessionIdClaim);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return session is not null && !await db.EndedSessions.AnyAsync(s => s.SessionId == session, ct);
    }
}
