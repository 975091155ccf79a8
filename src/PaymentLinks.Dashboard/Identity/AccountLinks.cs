using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Mail;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// The links account mail carries, always at the configured public address (never the request's Host): a password
/// reset, the confirmation mailed at registration (live mode needs it), and the one that makes a new address the
/// sign-in email, each sent to the address it is about.
/// </summary>
public sealed class AccountLinks(UserManager<ApplicationUser> users, IEmailSender<ApplicationUser> mail, AccountMailer accountMail, IOptions<PaymentLinks.Infrastructure.Links.LinkOptions> links)
{
    /// <summary>
    /// To the account's own address, never the one typed: Identity finds accounts by a normalised address, so a look-alike
    /// (a dotless ı for an i) finds the account too, and a link mailed there would hand the account to whoever owns it.
    /// </summary>
    public async Task SendResetLinkAsync(ApplicationUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await mail.SendPasswordResetLinkAsync(user, user.Email!, Link("account/reset-password", new() { ["email"] = user.Email, ["code"] = code }));
    }

    public async Task SendConfirmationLinkAsync(ApplicationUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        await mail.SendConfirmationLinkAsync(user, user.Email!, Link("account/confirm-email", new() { ["userId"] = user.Id, ["code"] = code }));
    }

    public async Task SendChangeLinkAsync(ApplicationUser user, string newEmail)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        await accountMail.SendEmailChangeLinkAsync(user, newEmail,
            Link("account/confirm-email-change", new() { ["userId"] = user.Id, ["email"] = newEmail, ["code"] = code }));
    }

    public static string Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private string Link(string path, Dictionary<string, string?> query) => QueryHelpers.AddQueryString(links.Value.AbsoluteUrl(path), query);
}
