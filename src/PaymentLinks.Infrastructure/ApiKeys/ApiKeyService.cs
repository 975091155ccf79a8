using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.ApiKeys;

public sealed record ApiKeyView(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt,
    ApiKeyScope Scope, DateTimeOffset? ExpiresAt, bool Livemode, MemberRole Role);

/// <summary>The one and only time a key's secret exists outside the caller's hands.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>Who an accepted key speaks for.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid MerchantId, string Name, ApiKeyScope Scope, bool Livemode, MemberRole Role);

/// <summary>
/// Creating, listing, revoking and checking merchants' API keys: <c>plk_test_</c> or <c>plk_live_</c> and 40 random
/// characters, the prefix naming the mode the key works in. Keys made before there were modes (<c>plk_</c> and 40) are
/// test keys: everything made with them was paid through the sandbox bank.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const string SecretPrefix = "plk_";
    public const string TestPrefix = "plk_test_";
    public const string LivePrefix = "plk_live_";

    /// <summary>Keys a merchant may have in use at once; each has its own rate limit, so this bounds the merchant's.</summary>
    public const int MaxUsableKeys = 20;
    private const int RandomLength = 40;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // Writing last-used on every request would serialise API traffic on one row; once a minute is enough to show.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>A key with <paramref name="role"/>, or, when none is given, the creating member's own role.</summary>
    public async Task<Result<CreatedApiKey>> CreateAsync(
        MerchantCaller caller, string name, ApiKeyScope scope = ApiKeyScope.ReadWrite, DateTimeOffset? expiresAt = null, MemberRole? role = null,
        CancellationToken ct = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > ApiKey.NameMaxLength)
            return new Problem(IntegrationProblems.KeyNameRequired, $"Name is required, at most {ApiKey.NameMaxLength} characters.", ApiKey.NameMaxLength).InvalidAt("name");
        if (TextRules.ProblemOf(name, IntegrationProblems.KeyName) is { } textError)
            return textError.InvalidAt("name");
        var now = clock.GetUtcNow();
        if (expiresAt <= now)
            return new Problem(IntegrationProblems.KeyExpiryNotFuture, "The expiry must be in the future.").InvalidAt("expires_at");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ManageApiKeys, now, ct) is { } notAllowed)
            return notAllowed;
        if ((await MemberPermissions.MemberRoleAsync(db, caller.MerchantId, caller.Actor.Id, ct)).Role is not { } creatorRole)
            return RolePermissions.NotAllowed(null); // keys are made by members
        var keyRole = role ?? creatorRole;
        if (!RolePermissions.IsWithin(keyRole, creatorRole))
            return new Problem(IntegrationProblems.KeyRoleAboveYours,
                $"A key can do at most what you can: the {keyRole} role may do more than yours ({creatorRole}).", keyRole, creatorRole).InvalidAt("role");
        if (await db.ApiKeys.CountAsync(k => k.MerchantId == caller.MerchantId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct) >= MaxUsableKeys)
            return new Problem(IntegrationProblems.TooManyKeys, $"You have {MaxUsableKeys} keys in use, the most there can be; revoke one first.", MaxUsableKeys)
                .InvalidAt("name");
        var secret = (caller.Livemode ? LivePrefix : TestPrefix) + RandomNumberGenerator.GetString(Alphabet, RandomLength);
        var key = new ApiKey(Guid.CreateVersion7(now), caller.MerchantId, caller.Livemode, name, secret[..ApiKey.PrefixLength], HashOf(secret), now, keyRole, scope, expiresAt);
        db.ApiKeys.Add(key);
        await db.RecordAsync(caller, now, AuditKinds.ApiKeyCreated, key.Id,
            $"Created the API key “{key.Name}” ({key.Prefix}…, {key.Role}, {(scope == ApiKeyScope.Read ? "read only" : "read and write")}).", ct: ct);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ViewOf(key), secret);
    }

    /// <summary>The keys of the caller's mode.</summary>
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.MerchantId == caller.MerchantId && k.Livemode == caller.Livemode).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return keys.Select(ViewOf).ToList();
    }

    /// <summary>False when there is no such key, or the caller may not manage keys.</summary>
    public async Task<bool> RevokeAsync(MerchantCaller caller, Guid keyId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ManageApiKeys, clock.GetUtcNow(), ct) is not null)
            return false;
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.MerchantId == caller.MerchantId && k.Livemode == caller.Livemode, ct);
        if (key is null)
            return false;
        var now = clock.GetUtcNow();
        key.Revoke(now);
        await db.RecordAsync(caller, now, AuditKinds.ApiKeyRevoked, key.Id, $"Revoked the API key “{key.Name}” ({key.Prefix}…).", ct: ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The merchant a presented secret belongs to, or null when it is unknown, malformed, revoked or expired.</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? secret, CancellationToken ct = default)
    {
        if (!LooksLikeKey(secret))
            return null;
        var hash = HashOf(secret);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, ct);
        var now = clock.GetUtcNow();
        if (key is null || !key.IsUsable(now))
            return null;
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedPrecision)
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), ct);
        return new ApiKeyIdentity(key.Id, key.MerchantId, key.Name, key.Scope, key.Livemode, key.Role);
    }

    private static bool LooksLikeKey([NotNullWhen(true)] string? secret) =>
        secret is not null && (Starts(secret, TestPrefix) || Starts(secret, LivePrefix) || Starts(secret, SecretPrefix));

    private static bool Starts(string secret, string prefix) =>
        secret.StartsWith(prefix, StringComparison.Ordinal) && secret.Length == prefix.Length + RandomLength;

    // The secret has ~238 bits of randomness, so a plain SHA-256 is enough: there is nothing to brute-force.
    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static ApiKeyView ViewOf(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt, key.Scope, key.ExpiresAt, key.Livemode, key.Role);
}
