using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Infrastructure.ApiKeys;

/// <summary>What a key may do: read links and payments, or also change them.</summary>
public enum ApiKeyScope
{
    ReadWrite,
    Read,
}

/// <summary>
/// A merchant's key for the REST API. Only a hash of the secret is stored; the secret itself is shown
/// once, at creation. The prefix (first characters) lets a merchant tell keys apart.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 80;
    /// <summary>What the list shows of a secret: <c>plk_test_</c> or <c>plk_live_</c> and the first random characters.</summary>
    public const int PrefixLength = 16;
    public const int HashLength = 64;

    private ApiKey() { }

    public ApiKey(Guid id, Guid merchantId, bool livemode, string name, string prefix, string hash, DateTimeOffset createdAt,
        MemberRole role, ApiKeyScope scope = ApiKeyScope.ReadWrite, DateTimeOffset? expiresAt = null)
    {
        Role = role;
        Scope = scope;
        ExpiresAt = expiresAt;
        Id = id;
        MerchantId = merchantId;
        Livemode = livemode;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }

    /// <summary>The mode every call made with this key works in: a test key sees test data only, a live key live data only.</summary>
    public bool Livemode { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public ApiKeyScope Scope { get; private set; }

    /// <summary>
    /// The business's key acts with this role's permissions, chosen at creation within the creating member's own: it
    /// belongs to the business, not to that member, and keeps working when they leave.
    /// </summary>
    public MemberRole Role { get; private set; }

    /// <summary>After this the key is refused, as if revoked; none means it never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsUsable(DateTimeOffset now) => !IsRevoked && !(ExpiresAt <= now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
