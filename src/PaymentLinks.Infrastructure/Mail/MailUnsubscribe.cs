using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// The one-click unsubscribe of notification mail: the address names a user and a kind, sealed with Data Protection, so
/// it needs no sign-in (a mail client posts to it on its own) and cannot be made for anyone else.
/// </summary>
public sealed class MailUnsubscribe(IDataProtectionProvider protection, NotificationChoices choices, IOptions<LinkOptions> links)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PaymentLinks.Mail.Unsubscribe");

    public string UrlFor(string userId, MailKind kind) =>
        links.Value.AbsoluteUrl($"mail/unsubscribe/{WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{kind}:{userId}")))}");

    /// <summary>The kind a token switches off, or null when it is not one of ours.</summary>
    public MailKind? KindOf(string token) => Read(token)?.Kind;

    /// <summary>Switches the token's kind off for its user; false when the token is not one of ours or the user is gone.</summary>
    public async Task<bool> ApplyAsync(string token, CancellationToken ct = default) =>
        Read(token) is { } target && await choices.SetAsync(target.UserId, target.Kind, on: false, ct);

    private (MailKind Kind, string UserId)? Read(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var colon = text.IndexOf(':');
            return colon > 0 && Enum.TryParse<MailKind>(text[..colon], out var kind) && MailPreferences.IsNotification(kind)
                ? (kind, text[(colon + 1)..])
                : null;
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
