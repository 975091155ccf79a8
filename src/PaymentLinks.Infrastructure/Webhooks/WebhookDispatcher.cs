using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry waits this long; each next one twice as long, up to an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this long since the event, a delivery that still fails is given up.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Delivers the outbox, at least once: fans new events out into one delivery per active endpoint, then sends
/// due deliveries in event order, signed, retrying failures with exponential backoff for up to a day.
/// </summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<AppDbContext> contexts, IHttpClientFactory http, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : PeriodicWork(options.Value.PollInterval, clock, logger)
{
    public const string HttpClientName = "webhooks";
    private const int BatchSize = 50;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await FanOutAsync(ct);
        await SendDueAsync(ct);
    }

    private async Task FanOutAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var events = await db.WebhookEvents.Where(e => e.DispatchedAt == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (events.Count == 0)
            return;
        var now = Clock.GetUtcNow();
        var merchants = events.Select(e => e.MerchantId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => merchants.Contains(e.MerchantId) && e.DisabledAt == null).ToListAsync(ct);
        foreach (var outboxEvent in events)
        {
            foreach (var endpoint in endpoints.Where(e => e.MerchantId == outboxEvent.MerchantId))
                db.WebhookDeliveries.Add(new WebhookDelivery(Guid.CreateVersion7(now), outboxEvent.Id, endpoint.Id, endpoint.MerchantId, now));
            outboxEvent.MarkDispatched(now);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SendDueAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Clock.GetUtcNow();
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.EventId)
            .Take(BatchSize)
            .Join(db.WebhookEvents, d => d.EventId, e => e.Id, (d, e) => new { Delivery = d, Event = e })
            .Join(db.WebhookEndpoints, x => x.Delivery.EndpointId, p => p.Id, (x, p) => new { x.Delivery, x.Event, Endpoint = p })
            .ToListAsync(ct);
        foreach (var item in due.OrderBy(x => x.Event.Id))
        {
            await SendAsync(item.Delivery, item.Event, item.Endpoint, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task SendAsync(WebhookDelivery delivery, WebhookEvent outboxEvent, WebhookEndpoint endpoint, CancellationToken ct)
    {
        var sentAt = Clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(outboxEvent.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(endpoint.Secret, sentAt.ToUnixTimeSeconds(), outboxEvent.Payload));
        request.Headers.Add("PaymentLinks-Event-Id", outboxEvent.EventId.ToString());
        request.Headers.Add("PaymentLinks-Event-Type", outboxEvent.Type);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.RequestTimeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
                delivery.Succeeded((int)response.StatusCode, Clock.GetUtcNow());
            else
                Failed(delivery, outboxEvent, (int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Failed(delivery, outboxEvent, null, error.Message);
        }
    }

    private void Failed(WebhookDelivery delivery, WebhookEvent outboxEvent, int? statusCode, string error)
    {
        var now = Clock.GetUtcNow();
        var wait = TimeSpan.FromTicks(Math.Min(options.Value.RetryBaseDelay.Ticks << Math.Min(delivery.Attempts, 20), TimeSpan.FromHours(1).Ticks));
        DateTimeOffset? retryAt = now + wait - outboxEvent.CreatedAt > options.Value.GiveUpAfter ? null : now + wait;
        delivery.AttemptFailed(statusCode, error, now, retryAt);
    }
}
