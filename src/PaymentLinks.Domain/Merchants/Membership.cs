namespace PaymentLinks.Domain.Merchants;

/// <summary>A person's place in a business: their role there and, for a Developer, whether live mode is granted.</summary>
public sealed class Membership
{
    private Membership() { }

    public Membership(Guid merchantId, string userId, MemberRole role, bool grantedLive, DateTimeOffset joinedAt)
    {
        MerchantId = merchantId;
        UserId = userId;
        Role = role;
        GrantedLive = LiveFor(role, grantedLive);
        JoinedAt = joinedAt;
    }

    public Guid MerchantId { get; private set; }
    public string UserId { get; private set; } = "";
    public MemberRole Role { get; private set; }

    /// <summary>Whether the member may work in live mode: always, in every role but Developer, where it is granted.</summary>
    public bool GrantedLive { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    public void ChangeRole(MemberRole role, bool grantedLive)
    {
        Role = role;
        GrantedLive = LiveFor(role, grantedLive);
    }

    public bool Allows(Permission permission, bool livemode) => RolePermissions.Allows(Role, GrantedLive, permission, livemode);

    /// <summary>A person who joins with <paramref name="role"/>: a Developer starts in test mode only, until granted live.</summary>
    public static Membership Joining(Guid merchantId, string userId, MemberRole role, DateTimeOffset now) =>
        new(merchantId, userId, role, LiveFor(role, granted: false), now);

    /// <summary>A Developer has live mode only if granted it; every other role works in both modes anyway.</summary>
    private static bool LiveFor(MemberRole role, bool granted) => role != MemberRole.Developer || granted;

    /// <summary>The founder of a business: its first Owner.</summary>
    public static Membership Founder(Guid merchantId, string userId, DateTimeOffset now) => new(merchantId, userId, MemberRole.Owner, grantedLive: true, now);
}
