using Microsoft.AspNetCore.Identity;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Mail;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Turns two-factor authentication on and off, and renews the authenticator key, without touching the security
/// stamp. UserManager's own methods renew the stamp, and a new stamp ends every session, this one included
/// (<see cref="SessionRevalidation"/>): the merchant who just proved a code from the app would be signed out of the
/// page showing the recovery codes. Ending the other sessions stays one click away (sign out everywhere).
/// Turning it on or off mails the user, in the same save: someone else turning it off is what the mail is for.
/// </summary>
public sealed class TwoFactorSettings(
    UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store, AccountMailer mail, AuditedAccountChanges audited)
{
    public async Task SetEnabledAsync(ApplicationUser user, bool enabled) => Saved(await audited.RunAsync(
        user, AuditKinds.TwoFactorChanged, $"Turned two-factor sign-in {(enabled ? "on" : "off")}.", async identityContext =>
        {
            await ((IUserTwoFactorStore<ApplicationUser>)store).SetTwoFactorEnabledAsync(user, enabled, CancellationToken.None);
            mail.AddTwoFactorNotice(identityContext, user, enabled); // the store saves through this (scoped) context
            return await users.UpdateAsync(user);
        }));

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
