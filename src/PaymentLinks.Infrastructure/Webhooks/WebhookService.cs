using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <param name="EventTypes">The types it receives; null for all of them, including types added later.</param>
public sealed record WebhookEndpointView(Guid Id, string Url, string Secret, DateTimeOffset CreatedAt, bool Active, IReadOnlyList<string>? EventTypes);

public sealed record WebhookDeliveryView(
    Guid Id, string EventType, Guid EventId, string EndpointUrl, DeliveryStatus Status, int Attempts,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt,
    bool EndpointActive);

/// <summary>A merchant's webhook endpoints and the log of what was delivered to them.</summary>
public sealed class WebhookService(
    IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, WebhookTargets targets, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const int LogSize = 50;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public async Task<Result<WebhookEndpointView>> AddEndpointAsync(MerchantCaller caller, string url, CancellationToken ct = default)
    {
        url = url?.Trim() ?? "";
        if (await targets.ProblemAsync(url, ct) is { } problem)
            return problem.InvalidAt("url");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        if (await db.RefusalAsync(caller, Permission.ManageWebhooks, now, ct) is { } notAllowed)
            return notAllowed;
        var limit = options.Value.MaxEndpointsPerMerchant;
        if (await Owned(db, caller).CountAsync(e => e.DisabledAt == null, ct) >= limit)
            return new Problem(IntegrationProblems.TooManyEndpoints, $"You have {limit} active endpoints, the most there can be; disable one first.", limit).InvalidAt("url");
        var endpoint = new WebhookEndpoint(Guid.CreateVersion7(now), caller.MerchantId, caller.Livemode, url, NewSecret(), now);
        db.WebhookEndpoints.Add(endpoint);
        await db.RecordAsync(caller, now, AuditKinds.WebhookEndpointAdded, endpoint.Id, $"Added the webhook endpoint {url}.", ct: ct);
        await db.SaveChangesAsync(ct);
        return ViewOf(endpoint);
    }

    public async Task<IReadOnlyList<WebhookEndpointView>> EndpointsAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoints = await Owned(db, caller).AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return endpoints.Select(ViewOf).ToList();
    }

    public async Task<bool> DisableEndpointAsync(MerchantCaller caller, Guid endpointId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await (await Managed(db, caller, ct)).FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null)
            return false;
        var now = clock.GetUtcNow();
        endpoint.Disable(now);
        await db.RecordAsync(caller, now, AuditKinds.WebhookEndpointDisabled, endpoint.Id, $"Disabled the webhook endpoint {endpoint.Url}.", ct: ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Removes the endpoint and its delivery log; nothing more is sent to it, retries included.</summary>
    public async Task<bool> DeleteEndpointAsync(MerchantCaller caller, Guid endpointId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await (await Managed(db, caller, ct)).FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null)
            return false;
        db.WebhookEndpoints.Remove(endpoint); // its deliveries go with it (ON DELETE CASCADE)
        await db.RecordAsync(caller, clock.GetUtcNow(), AuditKinds.WebhookEndpointDeleted, endpoint.Id, $"Deleted the webhook endpoint {endpoint.Url}.", ct: ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Chooses the event types the endpoint receives from now on (events already fanned out are still sent).</summary>
    public async Task<Result<WebhookEndpointView>> SubscribeAsync(
        MerchantCaller caller, Guid endpointId, IReadOnlyCollection<string> eventTypes, CancellationToken ct = default)
    {
        if (eventTypes.Count == 0)
            return new Problem(IntegrationProblems.NoEventChosen, "Choose at least one event; to stop all deliveries, disable the endpoint.").InvalidAt("enabled_events");
        if (eventTypes.FirstOrDefault(type => !WebhookEventNames.All.Contains(type)) is { } unknown)
            return new Problem(IntegrationProblems.EventUnknown, $"There is no event called {unknown}.", unknown).InvalidAt("enabled_events");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ManageWebhooks, clock.GetUtcNow(), ct) is { } notAllowed)
            return notAllowed;
        var endpoint = await Owned(db, caller).FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null)
            return new Problem(IntegrationProblems.EndpointNotFound, "No such webhook endpoint.").As(RefusalCodes.NotFound);
        var before = endpoint.EventTypes ?? "all events";
        endpoint.Subscribe(eventTypes);
        await db.RecordAsync(caller, clock.GetUtcNow(), AuditKinds.WebhookEndpointChanged, endpoint.Id, $"Chose the events of {endpoint.Url}.",
            AuditTrail.Differences(("events", before, endpoint.EventTypes ?? "all events")), ct: ct);
        await db.SaveChangesAsync(ct);
        return ViewOf(endpoint);
    }

    /// <summary>
    /// Queues a <c>webhook.test</c> event for this one active endpoint, whatever events it has chosen: the event and
    /// its delivery are written together and sent (signed, retried, logged) like any other.
    /// </summary>
    public Task<bool> SendTestEventAsync(MerchantCaller caller, Guid endpointId, CancellationToken ct = default) => writes.RunAsync(async (db, now) =>
    {
        var endpoint = await (await Managed(db, caller, ct)).AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.DisabledAt == null, ct);
        if (endpoint is null)
            return false;
        var test = WebhookOutbox.New(caller.MerchantId, caller.Livemode, WebhookEventNames.Test,
            new TestEventData(new TestEndpoint(endpoint.Id, endpoint.Url), "A test event sent from the dashboard."), now);
        test.MarkDispatched(now); // fanned out here, to this endpoint only
        db.WebhookEvents.Add(test);
        await db.SaveChangesAsync(ct);
        db.WebhookDeliveries.Add(new WebhookDelivery(Guid.CreateVersion7(now), test.Id, endpoint.Id, caller.MerchantId, now));
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    /// <summary>A new signing secret for one of the merchant's endpoints; null when it is not theirs.</summary>
    public async Task<WebhookEndpointView?> RollSecretAsync(MerchantCaller caller, Guid endpointId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await (await Managed(db, caller, ct)).FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null)
            return null;
        endpoint.RollSecret(NewSecret());
        await db.RecordAsync(caller, clock.GetUtcNow(), AuditKinds.WebhookEndpointChanged, endpoint.Id, $"Rolled the signing secret of {endpoint.Url}.", ct: ct);
        await db.SaveChangesAsync(ct);
        return ViewOf(endpoint);
    }

    private static string NewSecret() => "whsec_" + RandomNumberGenerator.GetString(Alphabet, WebhookEndpoint.SecretLength - "whsec_".Length);

    public async Task<IReadOnlyList<WebhookDeliveryView>> RecentDeliveriesAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.MerchantId == caller.MerchantId)
            .Join(db.WebhookEvents, d => d.EventId, e => e.Id, (d, e) => new { d, e.Type, e.EventId })
            .Join(Owned(db, caller), x => x.d.EndpointId, p => p.Id, (x, p) => new { x.d, x.Type, x.EventId, p.Url, EndpointActive = p.DisabledAt == null })
            .OrderByDescending(x => x.d.EventId).ThenBy(x => x.Url)
            .Take(LogSize)
            .ToListAsync(ct);
        return rows.Select(x => new WebhookDeliveryView(x.d.Id, x.Type, x.EventId, x.Url, x.d.Status, x.d.Attempts,
            x.d.LastStatusCode, x.d.LastError, x.d.CreatedAt, x.d.LastAttemptAt, x.d.NextAttemptAt, x.EndpointActive)).ToList();
    }

    /// <summary>Sends a delivery again at once (manual redelivery from the log), unless its endpoint is disabled.</summary>
    public async Task<bool> RedeliverAsync(MerchantCaller caller, Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoints = await Managed(db, caller, ct);
        var delivery = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.MerchantId == caller.MerchantId)
            .Where(d => endpoints.Any(e => e.Id == d.EndpointId && e.DisabledAt == null))
            .FirstOrDefaultAsync(ct);
        delivery?.Redeliver(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return delivery is not null;
    }

    /// <summary>The caller's endpoints: its merchant's, in its mode. Deliveries are reached through them.</summary>
    private static IQueryable<WebhookEndpoint> Owned(AppDbContext db, MerchantCaller caller) =>
        db.WebhookEndpoints.Where(e => e.MerchantId == caller.MerchantId && e.Livemode == caller.Livemode);

    /// <summary>The caller's endpoints when they may manage webhooks; none when their role does not allow it.</summary>
    private async Task<IQueryable<WebhookEndpoint>> Managed(AppDbContext db, MerchantCaller caller, CancellationToken ct) =>
        await db.RefusalAsync(caller, Permission.ManageWebhooks, clock.GetUtcNow(), ct) is null ? Owned(db, caller) : Owned(db, caller).Where(_ => false);

    private static WebhookEndpointView ViewOf(WebhookEndpoint endpoint) =>
        new(endpoint.Id, endpoint.Url, endpoint.Secret, endpoint.CreatedAt, endpoint.DisabledAt is null, endpoint.EventTypes?.Split(' '));
}
