namespace PaymentLinks.Infrastructure.Idempotency;

/// <summary>
/// One Idempotency-Key of one merchant in one mode: the request it was first used with (as a hash) and the answer to replay,
/// stored in the transaction of the work it answers (<see cref="KeyedRequest"/>).
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;
    public const int HashLength = 64;

    private IdempotencyRecord() { }

    public IdempotencyRecord(Guid merchantId, bool livemode, string key, string requestHash, DateTimeOffset createdAt, StoredAnswer answer)
    {
        MerchantId = merchantId;
        Livemode = livemode;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = createdAt;
        StatusCode = answer.StatusCode;
        ResponseBody = answer.Body;
    }

    public long Id { get; private set; }
    public Guid MerchantId { get; private set; }

    /// <summary>A test key and a live key may use the same Idempotency-Key for different requests.</summary>
    public bool Livemode { get; private set; }
    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null only in rows an earlier release left while its request ran; those are taken as free.</summary>
    public int? StatusCode { get; private set; }
    public string? ResponseBody { get; private set; }

    public StoredAnswer Answer => new(StatusCode ?? throw new InvalidOperationException("An unfinished key has no answer."), ResponseBody);
}
