using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Sign-in that spends the same work whether or not the email has an account: for an unknown one it checks the
/// password against a made-up hash, so the answer's timing (about 70 ms of hashing against 5 ms without) no longer
/// tells which emails are merchants'.
/// </summary>
public sealed class EvenSignInManager(
    UserManager<ApplicationUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<ApplicationUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation, KnownBrowsers browsers, AccountMailer mail, IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
    : SignInManager<ApplicationUser>(users, http, claims, options, logger, schemes, confirmation)
{
    private static readonly ApplicationUser Nobody = new();

    /// <summary>Made once per process: made per request, it would double an unknown email's work instead of matching it.</summary>
    private static string? s_madeUpHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        var madeUp = s_madeUpHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        UserManager.PasswordHasher.VerifyHashedPassword(Nobody, madeUp, password);
        return SignInResult.Failed;
    }

    /// <summary>A wrong password for an account is in its business's audit log; an unknown email has no business to tell.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (!result.Succeeded && !result.RequiresTwoFactor)
            await AuditAsync(user, AuditKinds.SignInFailed, "A sign-in was refused: wrong password.");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (!result.Succeeded && user is not null)
            await AuditAsync(user, AuditKinds.SignInFailed, "A sign-in was refused: wrong authentication code.");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (!result.Succeeded && user is not null)
            await AuditAsync(user, AuditKinds.SignInFailed, "A sign-in was refused: wrong recovery code.");
        return result;
    }

    /// <summary>
    /// Every completed sign-in (password, two-factor, registration) passes here: one from a browser that has not signed
    /// in as this user before mails them, and the browser is remembered. A renewed sign-in (a changed password) of a
    /// browser already signed in as the user is not a new browser: it is only remembered.
    /// </summary>
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var renewing = Context.User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id;
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (!renewing)
            await AuditAsync(user, AuditKinds.SignedIn, $"Signed in from {KnownBrowsers.Describe(Context)}.");
        if (browsers.Knows(Context, user))
            return;
        if (!renewing && !KnownBrowsers.IsRegistering(Context))
            await mail.NotifyNewSignInAsync(user, KnownBrowsers.Describe(Context));
        browsers.Remember(Context, user);
    }

    private async Task AuditAsync(ApplicationUser user, string kind, string summary)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await AccountAudit.RecordAsync(db, user, Context, clock.GetUtcNow(), kind, summary);
        await db.SaveChangesAsync();
    }
}
