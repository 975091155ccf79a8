namespace PaymentLinks.Infrastructure.Idempotency;

/// <summary>
/// One Idempotency-Key of one merchant: the request it was first used with (as a hash) and, once the
/// request finished, the response to replay. A row without a response is a request still running.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;
    public const int HashLength = 64;

    private IdempotencyRecord() { }

    public IdempotencyRecord(Guid merchantId, string key, string requestHash, DateTimeOffset createdAt)
    {
        MerchantId = merchantId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public string? ResponseBody { get; private set; }

    public bool IsComplete => StatusCode is not null;

    public void Complete(int statusCode, string? body)
    {
        StatusCode = statusCode;
        ResponseBody = body;
    }
}
