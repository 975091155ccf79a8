namespace PaymentLinks.Domain.Merchants;

/// <summary>
/// An invitation to join a business with a role, mailed as a link that works once for <see cref="Lifetime"/>. Only a
/// hash of the link's token is kept; sending it again makes a new token and a new week.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    public const int TokenHashLength = 64;

    private Invitation() { }

    public Invitation(Guid id, Guid merchantId, string email, MemberRole role, string invitedBy, string tokenHash, DateTimeOffset now)
    {
        Id = id;
        MerchantId = merchantId;
        Email = email;
        Role = role;
        InvitedBy = invitedBy;
        Renew(tokenHash, now);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public string Email { get; private set; } = "";
    public MemberRole Role { get; private set; }

    /// <summary>The member who sent it (their user id).</summary>
    public string InvitedBy { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>A new link for a new week: the one mailed before stops working.</summary>
    public void Renew(string tokenHash, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        ExpiresAt = now + Lifetime;
    }

    public void Accept(DateTimeOffset now) => AcceptedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
