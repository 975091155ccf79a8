using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PaymentLinks.Infrastructure.Mail;

public enum MailOutcome
{
    Accepted,

    /// <summary>Not now (a 4xx answer, no connection): tried again later.</summary>
    TryLater,

    /// <summary>Never (a 5xx answer): this message is not tried again.</summary>
    Refused,
}

/// <summary>What became of one message, with the server's own words for the delivery log.</summary>
public sealed record MailAnswer(MailOutcome Outcome, string Text);

/// <summary>Where messages go: an SMTP server when one is configured, else the pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>One session for a round of messages (one SMTP connection); a failure to open it is every message's answer.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    Task<MailAnswer> SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Chooses SMTP or the pickup folder from <see cref="EmailOptions"/>.</summary>
internal sealed class ConfiguredMailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken ct) => options.Value.SendsBySmtp
        ? SmtpMailSession.OpenAsync(options.Value.Smtp, ct)
        : Task.FromResult<IMailSession>(new PickupFolderSession(PickupFolder(options.Value, environment)));

    public static string PickupFolder(EmailOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(options.PickupFolder, environment.ContentRootPath);
}

/// <summary>
/// Writes each message as <c>&lt;date&gt;-&lt;message id&gt;.eml</c>, through a temporary file and a rename, so a
/// reader never sees half a message and a message written again replaces itself.
/// </summary>
internal sealed class PickupFolderSession(string folder) : IMailSession
{
    public async Task<MailAnswer> SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{message.MessageId!.Split('@')[0]}.eml";
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true);
        return new MailAnswer(MailOutcome.Accepted, $"Written to the pickup folder as {name}"); // the folder stays the server's business
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>One connection to the configured server (MailKit), authenticated when a username is set.</summary>
internal sealed class SmtpMailSession : IMailSession
{
    private readonly SmtpClient _client = new();
    private string? _broken;

    private SmtpMailSession(SmtpOptions options) => _client.Timeout = (int)options.Timeout.TotalMilliseconds;

    public static async Task<IMailSession> OpenAsync(SmtpOptions options, CancellationToken ct)
    {
        var session = new SmtpMailSession(options);
        try
        {
            await session._client.ConnectAsync(options.Host!, options.Port, SecurityOf(options.Security), ct);
            if (!string.IsNullOrEmpty(options.Username))
                await session._client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
        }
        catch (Exception error) when (IsNotNow(error))
        {
            session._broken = $"Could not reach {options.Host}:{options.Port}: {error.Message}";
        }
        return session;
    }

    public async Task<MailAnswer> SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (_broken is not null)
            return new MailAnswer(MailOutcome.TryLater, _broken);
        try
        {
            return new MailAnswer(MailOutcome.Accepted, await _client.SendAsync(message, ct));
        }
        catch (SmtpCommandException refused)
        {
            // A 5xx about this message or its recipient is final; one about our sender (authentication, relaying) is the
            // server's configuration or ours, and fixing it lets every waiting message go.
            var code = (int)refused.StatusCode;
            var final = code >= 500 && refused.ErrorCode != SmtpErrorCode.SenderNotAccepted;
            return new MailAnswer(final ? MailOutcome.Refused : MailOutcome.TryLater, $"{code} {refused.Message}");
        }
        catch (Exception error) when (IsNotNow(error))
        {
            // The connection is gone: the rest of this round waits for the next.
            _broken = $"Connection lost: {error.Message}";
            return new MailAnswer(MailOutcome.TryLater, _broken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync(quit: true);
        }
        catch (Exception error) when (IsNotNow(error))
        {
            // already gone: nothing was left unsaid
        }
        _client.Dispose();
    }

    private static bool IsNotNow(Exception error) =>
        error is SocketException or IOException or TimeoutException or ProtocolException or SslHandshakeException
            or AuthenticationException or SmtpCommandException or ServiceNotConnectedException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false };

    private static SecureSocketOptions SecurityOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
