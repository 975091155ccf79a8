using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Account mail into the outbox: Identity's links (reset, confirmation) and the product's notices. A notice of a change
/// to the user (two-factor on or off) is added to the context that saves the change, so both commit together.
/// </summary>
public sealed class AccountMailer(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IEmailSender<ApplicationUser>
{
    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        WriteAsync(user, email, MailKind.PasswordReset, new AccountMailData(resetLink, null));

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        WriteAsync(user, email, MailKind.EmailConfirmation, new AccountMailData(confirmationLink, null));

    /// <summary>Identity's code-only reset is not offered by the dashboard (its reset is the link); nothing asks for it.</summary>
    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        throw new NotSupportedException("Password resets are mailed as links.");

    /// <summary>The link that makes <paramref name="newEmail"/> the account's sign-in email, sent to that address.</summary>
    public Task SendEmailChangeLinkAsync(ApplicationUser user, string newEmail, string link) =>
        WriteAsync(user, newEmail, MailKind.EmailChange, new AccountMailData(link, null));

    public Task NotifyNewSignInAsync(ApplicationUser user, string browser) =>
        WriteAsync(user, user.Email!, MailKind.NewSignIn, new AccountMailData(null, browser));

    /// <summary>Adds the notice to <paramref name="db"/>, the context whose next save turns two-factor on or off.</summary>
    public OutgoingMail AddTwoFactorNotice(AppDbContext db, ApplicationUser user, bool enabled) =>
        db.OutgoingMail.Add(New(user, user.Email!, MailKind.TwoFactorChanged, new AccountMailData(null, enabled ? "on" : "off"))).Entity;

    private async Task WriteAsync(ApplicationUser user, string address, MailKind kind, AccountMailData data)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.OutgoingMail.Add(New(user, address, kind, data));
        await db.SaveChangesAsync();
    }

    private OutgoingMail New(ApplicationUser user, string address, MailKind kind, AccountMailData data) =>
        OutgoingMail.To(address, kind, user.MerchantId, livemode: true, subjectId: null, user.Id, data.ToJson(), clock.GetUtcNow());
}
