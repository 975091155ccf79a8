using Microsoft.AspNetCore.Identity;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Turns two-factor authentication on and off, and renews the authenticator key, without touching the security
/// stamp. UserManager's own methods renew the stamp, and a new stamp ends every session, this one included
/// (<see cref="SessionRevalidation"/>): the merchant who just proved a code from the app would be signed out of the
/// page showing the recovery codes. Ending the other sessions stays one click away (sign out everywhere).
/// </summary>
public sealed class TwoFactorSettings(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store)
{
    public async Task SetEnabledAsync(ApplicationUser user, bool enabled)
    {
        await ((IUserTwoFactorStore<ApplicationUser>)store).SetTwoFactorEnabledAsync(user, enabled, CancellationToken.None);
        Saved(await users.UpdateAsync(user));
    }

    public async Task RenewAuthenticatorKeyAsync(ApplicationUser user)
    {
        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
        Saved(await users.UpdateAsync(user));
    }

    private static void Saved(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Two-factor settings not saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
