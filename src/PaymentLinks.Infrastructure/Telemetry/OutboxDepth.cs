using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Infrastructure.Telemetry;

/// <summary>
/// How much waiting work the outboxes hold, read when metrics are collected (a scrape), never otherwise: each is one
/// COUNT over the index on the rows' status (and, for webhook events, on their dispatch time). The outboxes are shared
/// by every instance, so every instance reports the same figure. A scrape while the database is away reports nothing
/// rather than failing the whole scrape.
/// </summary>
public sealed class OutboxDepth(IServiceProvider services, ILogger<OutboxDepth> logger)
{
    // Resolved on first use: the context factory's own options hold ProductMetrics (for ChangesOnSave), which holds this.
    private IDbContextFactory<AppDbContext> Contexts => services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    public IEnumerable<Measurement<long>> WebhooksWaiting() => Count(db =>
        db.WebhookEvents.LongCount(e => e.DispatchedAt == null) + db.WebhookDeliveries.LongCount(d => d.Status == DeliveryStatus.Pending));

    public IEnumerable<Measurement<long>> MailWaiting() => Count(db =>
        db.OutgoingMail.LongCount(m => m.Status == MailStatus.Pending || m.Status == MailStatus.Announced));

    // Synchronous: an observable instrument's callback is.
    private IEnumerable<Measurement<long>> Count(Func<AppDbContext, long> count)
    {
        try
        {
            using var db = Contexts.CreateDbContext();
            return [new Measurement<long>(count(db))];
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "The outbox depth could not be read for metrics");
            return [];
        }
    }
}
