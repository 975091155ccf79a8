using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Telemetry;

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

    /// <summary>Lets endpoints be plain http on this machine: for tests and local development only, off by default.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Active endpoints a merchant may have at once.</summary>
    public int MaxEndpointsPerMerchant { get; set; } = 10;
}

/// <summary>
/// Delivers the outbox, at least once: fans new events out into one delivery per active endpoint, then sends
/// each endpoint's due deliveries in event order, signed, retrying failures with exponential backoff for up to a day.
/// </summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, EndpointSenderLeases leases, IHttpClientFactory http,
    IOptions<WebhookOptions> options, ProductMetrics metrics, TimeProvider clock, ILogger<WebhookDispatcher> logger) : PeriodicWork(options.Value.PollInterval, clock, logger)
{
    public const string HttpClientName = "webhooks";
    private const int BatchSize = 50;

    /// <summary>Endpoints being sent to at the same time, each by its own sender.</summary>
    public const int MaxEndpointsAtOnce = 16;

    private readonly ConcurrentDictionary<Guid, Task> _senders = new();

    /// <summary>
    /// Connections only to allowed addresses (checked on every connect), no redirects, no proxy from the environment,
    /// small response headers; connections are renewed each minute so a changed name is looked up again.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(WebhookTargets targets) => new()
    {
        ConnectCallback = targets.ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
        MaxResponseHeadersLength = 16,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    };

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await FanOutAsync(ct);
        await SendDueAsync(ct);
    }

    /// <summary>New events into deliveries, in one transaction; with several instances each event is taken by one.</summary>
    private Task FanOutAsync(CancellationToken ct) => writes.RunAsync(async (db, now) =>
    {
        var waiting = await db.WebhookEvents.Where(e => e.DispatchedAt == null).OrderBy(e => e.Id).Take(BatchSize).Select(e => e.Id).ToListAsync(ct);
        var free = await db.LockFreeOutboxEventsAsync(waiting, ct);
        var events = await db.WebhookEvents.Where(e => free.Contains(e.Id) && e.DispatchedAt == null).OrderBy(e => e.Id).ToListAsync(ct);
        if (events.Count == 0)
            return 0;
        var merchants = events.Select(e => e.MerchantId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => merchants.Contains(e.MerchantId) && e.DisabledAt == null).ToListAsync(ct);
        foreach (var outboxEvent in events)
        {
            foreach (var endpoint in endpoints.Where(e => e.MerchantId == outboxEvent.MerchantId && e.Livemode == outboxEvent.Livemode && e.Receives(outboxEvent.Type)))
                db.WebhookDeliveries.Add(new WebhookDelivery(Guid.CreateVersion7(now), outboxEvent.Id, endpoint.Id, endpoint.MerchantId, now));
            outboxEvent.MarkDispatched(now);
        }
        return await db.SaveChangesAsync(ct);
    }, ct);

    /// <summary>
    /// Starts a sender for each endpoint with something due that has none running, up to
    /// <see cref="MaxEndpointsAtOnce"/>. Each endpoint is served by its own sender, in event order, so a slow
    /// or dead endpoint holds up only its own deliveries; one merchant, with at most
    /// <see cref="WebhookOptions.MaxEndpointsPerMerchant"/> endpoints, cannot take every sender.
    /// </summary>
    private async Task SendDueAsync(CancellationToken ct)
    {
        foreach (var (endpointId, sender) in _senders)
            if (sender.IsCompleted)
                _senders.TryRemove(endpointId, out _);
        var room = MaxEndpointsAtOnce - _senders.Count;
        if (room <= 0)
            return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Clock.GetUtcNow();
        var busy = _senders.Keys.ToList();
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && !busy.Contains(d.EndpointId))
            .Select(d => d.EndpointId).Distinct().Take(room)
            .ToListAsync(ct);
        foreach (var endpointId in due)
            _senders[endpointId] = Task.Run(() => DrainAsync(endpointId, ct), ct);
    }

    /// <summary>
    /// One endpoint's due deliveries, oldest event first, one at a time, while this instance holds the endpoint's
    /// lease (renewed before each, long enough for one request).
    /// </summary>
    private async Task DrainAsync(Guid endpointId, CancellationToken ct)
    {
        var leaseLength = options.Value.RequestTimeout + TimeSpan.FromMinutes(1);
        try
        {
            for (var sent = 0; sent < BatchSize; sent++)
            {
                if (!await leases.TryHoldAsync(endpointId, leaseLength, ct))
                    return;
                await using var db = await contexts.CreateDbContextAsync(ct);
                var now = Clock.GetUtcNow();
                var next = await db.WebhookDeliveries
                    .Where(d => d.EndpointId == endpointId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                    .OrderBy(d => d.EventId)
                    .Join(db.WebhookEvents, d => d.EventId, e => e.Id, (d, e) => new { Delivery = d, Event = e })
                    .Join(db.WebhookEndpoints, x => x.Delivery.EndpointId, p => p.Id, (x, p) => new { x.Delivery, x.Event, Endpoint = p })
                    .FirstOrDefaultAsync(ct);
                if (next is null)
                    return;
                using var span = ProductTracing.Source.StartActivity("webhook deliver");
                if (next.Endpoint.DisabledAt is null)
                    await SendAsync(next.Delivery, next.Event, next.Endpoint, ct);
                else
                    next.Delivery.Cancel("Endpoint disabled");
                await db.SaveChangesAsync(ct);
                if (next.Delivery is { Status: DeliveryStatus.Succeeded, LastAttemptAt: { } deliveredAt })
                    metrics.WebhookDelivered(deliveredAt - next.Event.CreatedAt);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Logger.LogError(error, "Sending webhooks to endpoint {Endpoint} failed; retrying at the next interval", endpointId);
        }
        finally
        {
            await ReleaseQuietlyAsync(endpointId);
        }
    }

    /// <summary>Hands the lease back so another instance need not wait for it to run out; if this fails, it runs out.</summary>
    private async Task ReleaseQuietlyAsync(Guid endpointId)
    {
        try
        {
            await leases.ReleaseAsync(endpointId);
        }
        catch (Exception error)
        {
            Logger.LogDebug(error, "Could not release the sender lease of endpoint {Endpoint}", endpointId);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await Task.WhenAll(_senders.Values);
        }
        catch (OperationCanceledException)
        {
            // stopping: the deliveries in flight stay pending and are sent after the restart
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
            // Only the status matters: the body is never read, whatever its size.
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                delivery.Succeeded(status, Clock.GetUtcNow());
            else
                Failed(delivery, outboxEvent, status, status is >= 300 and < 400 ? $"HTTP {status}: redirects are not followed" : $"HTTP {status}");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Failed(delivery, outboxEvent, null, DescribeFailure(error));
        }
    }

    /// <summary>What the delivery log says of a failed connection: a kind of failure, never the target's own words.</summary>
    private string DescribeFailure(Exception error)
    {
        if (error is TaskCanceledException)
            return $"Timed out after {options.Value.RequestTimeout.TotalSeconds:0} s";
        var causes = new List<Exception>();
        for (var cause = error; cause is not null; cause = cause.InnerException)
            causes.Add(cause);
        if (causes.OfType<RefusedAddress>().Any())
            return RefusedAddress.Reason;
        if (causes.OfType<SocketException>().Any(s => s.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData))
            return "Host not found";
        if (causes.OfType<AuthenticationException>().Any())
            return "TLS connection failed";
        return "Could not connect";
    }

    private void Failed(WebhookDelivery delivery, WebhookEvent outboxEvent, int? statusCode, string error)
    {
        var now = Clock.GetUtcNow();
        var wait = RetryDelays.Doubling(options.Value.RetryBaseDelay, delivery.Attempts + 1); // this failure is not counted yet
        DateTimeOffset? retryAt = now + wait - outboxEvent.CreatedAt > options.Value.GiveUpAfter ? null : now + wait;
        delivery.AttemptFailed(statusCode, error, now, retryAt);
    }
}
