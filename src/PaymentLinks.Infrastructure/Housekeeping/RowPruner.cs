using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Idempotency;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Infrastructure.Housekeeping;

public sealed class HousekeepingOptions
{
    public const string Section = "Housekeeping";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the delivery log keeps a finished webhook event and its deliveries.</summary>
    public TimeSpan WebhookRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the mail outbox keeps a message that is done with (sent, failed, skipped, fanned out).</summary>
    public TimeSpan MailRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the audit log keeps an entry; the only way one ever leaves it.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);
}

public sealed record PrunedRows(int IdempotencyRecords, int WebhookEvents, int AbandonedPayments, int EndedSessions, int StripeEventReceipts, int Mail,
    int AuditEntries);

/// <summary>
/// Removes rows whose job is done, so the tables that grow with every API call and every change stay small:
/// idempotency keys past their 24 hours, webhook events past the retention whose deliveries have all
/// finished (an event still being retried or redelivered is kept, whatever its age), and payments left at the
/// bank step past their lifetime (they never counted as a usage, and anyone can start one), and signed-out
/// sessions once no cookie of theirs can still be valid, and receipts of Stripe's events once Stripe has long stopped
/// sending them again (it retries for three days), and mail past its retention that is done with (a message still
/// waiting or retrying is kept, whatever its age), and audit entries past the audit retention (a year).
/// </summary>
public sealed class RowPruner(IDbContextFactory<AppDbContext> contexts, IOptions<HousekeepingOptions> options, TimeProvider clock)
{
    /// <summary>The sign-in cookie's lifetime (ASP.NET Core Identity's default): a session ended longer ago has no cookie left.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(14);

    public static readonly TimeSpan StripeEventRetention = TimeSpan.FromDays(30);

    public async Task<PrunedRows> PruneAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);

        var keysBefore = now - IdempotencyStore.Lifetime;
        var keys = await db.IdempotencyRecords.Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(ct);

        // Deliveries go with their event (ON DELETE CASCADE).
        var eventsBefore = now - options.Value.WebhookRetention;
        var events = await db.WebhookEvents
            .Where(e => e.DispatchedAt != null && e.CreatedAt < eventsBefore)
            .Where(e => !db.WebhookDeliveries.Any(d => d.EventId == e.Id && d.Status == DeliveryStatus.Pending))
            .ExecuteDeleteAsync(ct);

        var pendingBefore = now - PaymentAttempt.PendingLifetime;
        // One sent to a provider's page stays until reconciliation hears how its session ended: it may hold an authorization.
        var abandoned = await db.PaymentAttempts
            .Where(a => a.Status == PaymentStatus.Pending && a.CreatedAt < pendingBefore && a.ProviderSessionId == null)
            .ExecuteDeleteAsync(ct);

        var sessionsBefore = now - SessionLifetime;
        var sessions = await db.EndedSessions.Where(s => s.EndedAt < sessionsBefore).ExecuteDeleteAsync(ct);

        var receiptsBefore = now - StripeEventRetention;
        var receipts = await db.StripeEventReceipts.Where(r => r.ReceivedAt < receiptsBefore).ExecuteDeleteAsync(ct);

        var mailBefore = now - options.Value.MailRetention;
        var mail = await db.OutgoingMail
            .Where(m => m.CreatedAt < mailBefore && m.Status != Mail.MailStatus.Pending && m.Status != Mail.MailStatus.Announced)
            .ExecuteDeleteAsync(ct);

        var auditBefore = now - options.Value.AuditRetention;
        var audit = await db.AuditEntries.Where(e => e.At < auditBefore).ExecuteDeleteAsync(ct);

        return new PrunedRows(keys, events, abandoned, sessions, receipts, mail, audit);
    }
}

/// <summary>Runs <see cref="RowPruner"/> every interval (an hour by default).</summary>
public sealed class HousekeepingWorker(
    RowPruner pruner, IOptions<HousekeepingOptions> options, TimeProvider clock, ILogger<HousekeepingWorker> logger)
    : PeriodicWork(options.Value.Interval, clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var pruned = await pruner.PruneAsync(ct);
        if (pruned.IdempotencyRecords + pruned.WebhookEvents + pruned.AbandonedPayments + pruned.EndedSessions + pruned.Mail + pruned.AuditEntries > 0)
            Logger.LogInformation("Housekeeping removed {Keys} idempotency keys, {Events} webhook events, {Payments} abandoned payments, {Sessions} ended sessions, {Mail} messages and {Audit} audit entries",
                pruned.IdempotencyRecords, pruned.WebhookEvents, pruned.AbandonedPayments, pruned.EndedSessions, pruned.Mail, pruned.AuditEntries);
    }
}
