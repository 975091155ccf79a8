using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Delivers the mail outbox, at least once and as the same message every time: makes each announcement into one message
/// per user who wants it (<see cref="MailFanOut"/>), then sends what is due over one SMTP session a round. Each message is
/// claimed before it is sent (on PostgreSQL with FOR UPDATE SKIP LOCKED, so instances never wait on or repeat each
/// other's); the claim is a lease, so a message whose sender died is tried again once it runs out. A 4xx answer or no
/// connection is retried with doubling delays for a day, a 5xx answer is final.
/// </summary>
public sealed class MailWorker(
    IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, MailFanOut fanOut, MailComposer composer, IMailTransport transport,
    IOptions<EmailOptions> options, IHostEnvironment environment, ProductMetrics metrics, TimeProvider clock, ILogger<MailWorker> logger)
    : PeriodicWork(options.Value.PollInterval, clock, logger)
{
    private readonly string pickupFolder = ConfiguredMailTransport.PickupFolder(options.Value, environment);

    private const int BatchSize = 20;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SendsBySmtp)
            Logger.LogInformation("Mail goes to the SMTP server {Host}:{Port}", options.Value.Smtp.Host, options.Value.Smtp.Port);
        else
            Logger.LogInformation("No SMTP host is configured (Email:Smtp:Host): every message is written as an .eml file to {Folder}", pickupFolder);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await fanOut.RunAsync(ct);
        await SendDueAsync(ct);
    }

    /// <summary>One round: claims up to a batch of due messages and sends them.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var claimed = await ClaimAsync(ct);
        if (claimed.Count == 0)
            return 0;
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            foreach (var id in claimed)
                await RecordAsync(id, null, new MailAnswer(MailOutcome.TryLater, $"Not sent: {error.Message}"), ct);
            return claimed.Count;
        }
        await using (session)
            foreach (var id in claimed)
                await SendAsync(id, session, ct);
        return claimed.Count;
    }

    private Task<List<Guid>> ClaimAsync(CancellationToken ct) => writes.RunAsync(async (db, now) =>
    {
        var due = await db.OutgoingMail.Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).Select(m => m.Id).ToListAsync(ct);
        var free = await db.LockFreeMailAsync(due, ct);
        var mail = await db.OutgoingMail.Where(m => free.Contains(m.Id) && m.Status == MailStatus.Pending && m.NextAttemptAt <= now).ToListAsync(ct);
        foreach (var message in mail)
            message.Lease(now + options.Value.Lease);
        await db.SaveChangesAsync(ct);
        return mail.Select(m => m.Id).ToList();
    }, ct);

    /// <summary>
    /// One message: made and sent, and its answer recorded. Whatever goes wrong on the way (a template, a file, the
    /// database) is recorded as an attempt too, so a message that cannot be sent is given up after a day, never retried
    /// for ever.
    /// </summary>
    private async Task SendAsync(Guid id, IMailSession session, CancellationToken ct)
    {
        string? subject = null;
        MailAnswer answer;
        using var span = ProductTracing.Source.StartActivity("mail send", ActivityKind.Client);
        try
        {
            MimeMessage? message;
            string? gone;
            MailKind kind;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                var mail = await db.OutgoingMail.AsNoTracking().FirstAsync(m => m.Id == id, ct);
                kind = mail.Kind;
                (message, gone) = await composer.ComposeAsync(db, mail, ct);
                subject = message?.Subject;
            }
            span?.SetTag("mail.kind", kind.ToString());
            answer = message is null ? new MailAnswer(MailOutcome.Refused, gone!) : await session.SendAsync(message, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Logger.LogError(error, "Mail {Id} could not be made or sent", id);
            answer = new MailAnswer(MailOutcome.TryLater, $"Not sent: {error.Message}");
        }
        span?.SetTag("mail.outcome", answer.Outcome.ToString());
        if (answer.Outcome != MailOutcome.Accepted)
            span?.SetStatus(ActivityStatusCode.Error, answer.Outcome.ToString());
        if (await RecordAsync(id, subject, answer, ct) is { } sentAfter)
            metrics.MailDelivered(sentAfter);
    }

    /// <summary>Records the answer; returns how long the message took from its creation when this sent it (committed by then).</summary>
    private Task<TimeSpan?> RecordAsync(Guid id, string? subject, MailAnswer answer, CancellationToken ct) => writes.RunAsync<TimeSpan?>(async (db, now) =>
    {
        var mail = await db.OutgoingMail.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mail is not { Status: MailStatus.Pending })
            return null;
        if (subject is not null)
            mail.Named(subject);
        switch (answer.Outcome)
        {
            case MailOutcome.Accepted:
                mail.Sent(answer.Text, now);
                break;
            case MailOutcome.Refused:
                mail.Fail(answer.Text);
                logger.LogWarning("{Kind} mail {Id} refused for good: {Answer}", mail.Kind, mail.Id, LogText.WithoutAddresses(answer.Text));
                break;
            default:
                mail.Retry(answer.Text, options.Value.RetryBaseDelay, options.Value.GiveUpAfter, now);
                logger.LogWarning("{Kind} mail {Id} not sent (attempt {Attempts}): {Answer}", mail.Kind, mail.Id, mail.Attempts, LogText.WithoutAddresses(answer.Text));
                break;
        }
        await db.SaveChangesAsync(ct);
        return mail.Status == MailStatus.Sent ? now - mail.CreatedAt : null;
    }, ct);
}
