using System.Text.Json;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>What only the sender of an account message knew: the link to act on, a detail (which browser, on or off).</summary>
public sealed record AccountMailData(string? Link, string? Detail)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static AccountMailData Of(string? json) => json is null ? new(null, null) : JsonSerializer.Deserialize<AccountMailData>(json) ?? new(null, null);
}

/// <summary>The wording of each account message.</summary>
internal static class AccountMessages
{
    private const string NotYou = "If this was not you, change your password now and sign out everywhere from your account settings.";

    /// <param name="businessName">The business the mail is about (an invitation's), if any.</param>
    public static AccountFacts For(OutgoingMail mail, MailVoice product, string zone, string? businessName)
    {
        var data = AccountMailData.Of(mail.Data);
        var when = LocalTimes.Format(mail.CreatedAt, zone);
        return mail.Kind switch
        {
            MailKind.PasswordReset => new(product, "Reset your PaymentLinks password", "Choose a new password",
                "Someone asked for a new password for this PaymentLinks account. The button below works once, for two hours.",
                "Choose a new password", data.Link, "If you did not ask, ignore this mail: your password stays as it is."),
            MailKind.EmailConfirmation => new(product, "Confirm your email for PaymentLinks", "Confirm your email",
                "Welcome to PaymentLinks. Your account works already; confirm this address to take live payments.",
                "Confirm my email", data.Link, "If you did not make a PaymentLinks account, ignore this mail."),
            MailKind.EmailChange => new(product, "Confirm your new PaymentLinks email", "Confirm your new email",
                $"Confirm that {mail.Address} is the new sign-in email of your PaymentLinks account. Until you do, you keep signing in with the old one.",
                "Confirm the new email", data.Link, "If you did not ask for this change, ignore this mail: nothing changes."),
            MailKind.TwoFactorChanged => new(product, $"Two-factor sign-in is {data.Detail}", $"Two-factor sign-in is {data.Detail}",
                $"Two-factor sign-in was turned {data.Detail} for your PaymentLinks account on {when}.", null, null, NotYou),
            MailKind.NewSignIn => new(product, "New sign-in to your PaymentLinks account", "A new browser signed in",
                $"Your account was signed in on {when} from a browser it had not seen before: {data.Detail}.", null, null,
                "If this was you, there is nothing to do. " + NotYou),
            MailKind.Invitation => new(product, $"Join {businessName} on PaymentLinks", $"Join {businessName}",
                $"You are invited to work in {businessName}'s PaymentLinks dashboard as {data.Detail}. The button below works once, for seven days; "
                + "with no PaymentLinks account yet, you make one on the way.",
                "Accept the invitation", data.Link, "If you did not expect this, ignore this mail: nothing happens unless you accept."),
            _ => throw new ArgumentOutOfRangeException(nameof(mail), mail.Kind, "Not an account message."),
        };
    }
}
