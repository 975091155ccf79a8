using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Notifications that no single change causes, found by looking every <see cref="EmailOptions.WatchInterval"/>: an active
/// link that expires within three days (once per deadline, and only for a link made longer than that before it), and
/// a webhook endpoint with an event failing to go for an hour (once per failing streak). Each is announced
/// under a key, so several instances and every later look find it already announced.
/// </summary>
public sealed class MailWatch(WriteTransactions writes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<MailWatch> logger)
    : PeriodicWork(options.Value.WatchInterval, clock, logger)
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(3);
    public static readonly TimeSpan EndpointFailingFor = TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(CancellationToken ct) => LookAsync(ct);

    public Task<int> LookAsync(CancellationToken ct = default) => writes.RunAsync(async (db, now) =>
    {
        var soon = now + ExpiryWarning;
        var expiring = await db.PaymentLinks.AsNoTracking()
            .Where(l => l.Status == LinkStatus.Active && l.ExpiresAt > now && l.ExpiresAt <= soon)
            .Select(l => new { l.Id, l.MerchantId, l.Livemode, l.CreatedAt, ExpiresAt = l.ExpiresAt!.Value }).ToListAsync(ct);
        var candidates = expiring.Where(l => l.CreatedAt < l.ExpiresAt - ExpiryWarning).Select(l => (Key: $"expiring:{l.Id:N}:{l.ExpiresAt.ToUnixTimeSeconds()}",
            Announcement: (Func<string, OutgoingMail>)(key => OutgoingMail.Announcement(MailKind.LinkExpiring, l.MerchantId, l.Livemode, l.Id, key, now)))).ToList();

        var failingSince = now - EndpointFailingFor;
        var failing = await (from d in db.WebhookDeliveries.AsNoTracking()
            where d.Status == DeliveryStatus.Pending && d.Attempts > 0 && d.CreatedAt <= failingSince
            join e in db.WebhookEndpoints.AsNoTracking() on d.EndpointId equals e.Id
            where e.DisabledAt == null
            select new { e.Id, e.MerchantId, e.Livemode }).Distinct().ToListAsync(ct);
        // One warning per failing streak: the streak is named by the last event the endpoint did take (none yet: 0), so
        // it warns again only after the endpoint has come back and failed anew.
        var endpointIds = failing.Select(e => e.Id).ToList();
        var lastTaken = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => endpointIds.Contains(d.EndpointId) && d.Status == DeliveryStatus.Succeeded)
            .GroupBy(d => d.EndpointId).Select(g => new { g.Key, EventId = g.Max(d => d.EventId) }).ToDictionaryAsync(g => g.Key, g => g.EventId, ct);
        candidates.AddRange(failing.Select(e => (Key: $"endpoint-failing:{e.Id:N}:{lastTaken.GetValueOrDefault(e.Id)}",
            Announcement: (Func<string, OutgoingMail>)(key => OutgoingMail.Announcement(MailKind.EndpointFailing, e.MerchantId, e.Livemode, e.Id, key, now)))));

        var keys = candidates.Select(c => c.Key).ToList();
        var announced = await db.OutgoingMail.Where(m => m.Key != null && keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct);
        foreach (var (key, announcement) in candidates.Where(c => !announced.Contains(c.Key)))
            db.OutgoingMail.Add(announcement(key));
        return await db.SaveChangesAsync(ct);
    }, ct);
}
