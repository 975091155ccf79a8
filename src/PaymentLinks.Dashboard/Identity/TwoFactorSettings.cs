using Microsoft.AspNetCore.Identity;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Turns two-factor authentication on and off, and renews the authenticator key, without touching the security
/// stamp. UserManager's own methods renew the stamp, and a new stamp ends every session, this one included
/// (<see cref="SessionRevalidation"/>): the merchant who just proved a code from the app would be signed out of the
/// page showing the recovery codes. Ending the other sessions stays one click away (sign out everywhere).
/// Turning it on or off mails the user, in the same save: someone else turning it off is what the mail is for.
/// </summary>
public sealed class TwoFactorSettings(
    UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store, AppDbContext identityContext, AccountMailer mail, IHttpContextAccessor http,
    TimeProvider clock)
{
    public async Task SetEnabledAsync(ApplicationUser user, bool enabled)
    {
        await ((IUserTwoFactorStore<ApplicationUser>)store).SetTwoFactorEnabledAsync(user, enabled, CancellationToken.None);
        var notice = mail.AddTwoFactorNotice(identityContext, user, enabled); // the store saves through this (scoped) context
        await AccountAudit.RecordAsync(identityContext, user, http.HttpContext, clock.GetUtcNow(), AuditKinds.TwoFactorChanged,
            $"Turned two-factor sign-in {(enabled ? "on" : "off")}.");
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            identityContext.Entry(notice).State = Microsoft.EntityFrameworkCore.EntityState.Detached; // nor mailed by a later save
            foreach (var entry in identityContext.ChangeTracker.Entries<AuditEntry>().ToList())
                entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        Saved(saved);
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
