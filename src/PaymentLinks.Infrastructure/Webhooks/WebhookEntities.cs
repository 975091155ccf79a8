namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>A URL of a merchant's that receives signed events, with the secret they are signed with.</summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 2000;
    public const int SecretLength = 38;
    public const int EventTypesMaxLength = 400;

    private WebhookEndpoint() { }

    public WebhookEndpoint(Guid id, Guid merchantId, bool livemode, string url, string secret, DateTimeOffset createdAt)
    {
        Id = id;
        MerchantId = merchantId;
        Livemode = livemode;
        Url = url;
        Secret = secret;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }

    /// <summary>The mode whose events it receives: a test endpoint never hears of live payments, and the reverse.</summary>
    public bool Livemode { get; private set; }
    public string Url { get; private set; } = "";
    public string Secret { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>
    /// The event types sent to this endpoint, space-separated; null for every type, including ones added later
    /// (Stripe's <c>*</c>).
    /// </summary>
    public string? EventTypes { get; private set; }

    public bool Receives(string eventType) => EventTypes is null || EventTypes.Split(' ').Contains(eventType);

    /// <summary>Sends only <paramref name="types"/> from now on; every known type (or more) means every type.</summary>
    public void Subscribe(IReadOnlyCollection<string> types) =>
        EventTypes = WebhookEventNames.All.All(types.Contains) ? null : string.Join(' ', WebhookEventNames.All.Where(types.Contains));

    /// <summary>The app instance sending this endpoint's deliveries, and until when; see <see cref="EndpointSenderLeases"/>.</summary>
    public string? SenderLeaseHolder { get; private set; }
    public DateTimeOffset? SenderLeaseUntil { get; private set; }

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    /// <summary>Signs what is sent from now on with <paramref name="secret"/>, including retries of earlier events.</summary>
    public void RollSecret(string secret) => Secret = secret;
}

/// <summary>
/// The outbox: one event, written in the same transaction as the change it reports, fanned out into
/// deliveries (one per endpoint) by the dispatcher.
/// </summary>
public sealed class WebhookEvent
{
    public const int TypeMaxLength = 32;

    private WebhookEvent() { }

    public WebhookEvent(Guid eventId, Guid merchantId, bool livemode, string type, string payload, DateTimeOffset createdAt)
    {
        EventId = eventId;
        MerchantId = merchantId;
        Livemode = livemode;
        Type = type;
        Payload = payload;
        CreatedAt = createdAt;
    }

    /// <summary>Insertion order: events are delivered in the order their changes were made.</summary>
    public long Id { get; private set; }

    /// <summary>The id receivers see (and deduplicate on, since delivery is at least once).</summary>
    public Guid EventId { get; private set; }
    public Guid MerchantId { get; private set; }
    public bool Livemode { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt = now;
}

public enum DeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>One event on its way to one endpoint: attempts, the last answer, and when to try again.</summary>
public sealed class WebhookDelivery
{
    public const int ErrorMaxLength = 300;

    private WebhookDelivery() { }

    public WebhookDelivery(Guid id, long eventId, Guid endpointId, Guid merchantId, DateTimeOffset now)
    {
        Id = id;
        EventId = eventId;
        EndpointId = endpointId;
        MerchantId = merchantId;
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public long EventId { get; private set; }
    public Guid EndpointId { get; private set; }
    public Guid MerchantId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = null;
        Status = DeliveryStatus.Succeeded;
        NextAttemptAt = null;
    }

    /// <summary>A failed attempt: try again at <paramref name="retryAt"/>, or give up when there is none.</summary>
    public void AttemptFailed(int? statusCode, string error, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        Status = retryAt is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        NextAttemptAt = retryAt;
    }

    /// <summary>Not to be sent any more (its endpoint was disabled): no attempt, no retry.</summary>
    public void Cancel(string reason)
    {
        Status = DeliveryStatus.Failed;
        LastError = reason;
        NextAttemptAt = null;
    }

    /// <summary>The merchant asked for it again from the delivery log.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
    }
}
