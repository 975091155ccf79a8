using Microsoft.Extensions.Options;
using MimeKit;

namespace PaymentLinks.Infrastructure.Mail;

public enum SmtpSecurity
{
    /// <summary>TLS on connect on port 465, STARTTLS when the server offers it elsewhere.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpOptions
{
    /// <summary>Blank: no mail server, every message is written to <see cref="EmailOptions.PickupFolder"/> instead.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, as an address with an optional display name: <c>PaymentLinks &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "PaymentLinks <no-reply@paymentlinks.localhost>";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where messages go as <c>.eml</c> files while no SMTP host is set (the pickup-folder pattern).</summary>
    public string PickupFolder { get; set; } = "data/mail";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often <see cref="MailWatch"/> looks for links about to expire and endpoints failing.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first retry waits this long; each next one twice as long, up to an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A message not accepted within this long of being written is given up.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long one instance holds the messages it took to send, before another may try them: longer than a round of
    /// them can take (a batch of 20, each command up to <see cref="SmtpOptions.Timeout"/>).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Notification messages one merchant's users get in an hour, all kinds together; the rest are not sent.</summary>
    public int NotificationsPerMerchantPerHour { get; set; } = 60;

    /// <summary>New-payment mails a user gets one by one in an hour; the hour's later payments come in one digest.</summary>
    public int NewPaymentMailsBeforeDigest { get; set; } = 3;

    public bool SendsBySmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public MailboxAddress Sender => MailboxAddress.Parse(From);
}

internal sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@'))
            return ValidateOptionsResult.Fail("Email:From must be an address, optionally with a name: PaymentLinks <no-reply@example.com>.");
        if (options.SendsBySmtp && options.Smtp.Port is < 1 or > 65535)
            return ValidateOptionsResult.Fail("Email:Smtp:Port must be from 1 to 65535.");
        if (!options.SendsBySmtp && string.IsNullOrWhiteSpace(options.PickupFolder))
            return ValidateOptionsResult.Fail("Email:PickupFolder is needed while Email:Smtp:Host is blank.");
        return ValidateOptionsResult.Success;
    }
}
