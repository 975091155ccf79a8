namespace PaymentLinks.Infrastructure.Audit;

/// <summary>The names of what the audit log records; the Activity page filters by them.</summary>
public static class AuditKinds
{
    public const string LinkCreated = "link.created";
    public const string LinkEdited = "link.edited";
    public const string LinkDuplicated = "link.duplicated";

    /// <summary>A move of the link's state by a person or key: <c>link.published</c>, <c>link.archived</c>…</summary>
    public static string LinkMoved(string pastTense) => $"link.{pastTense}";

    public const string RefundCreated = "refund.created";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string WebhookEndpointAdded = "webhook_endpoint.added";
    public const string WebhookEndpointChanged = "webhook_endpoint.changed";
    public const string WebhookEndpointDisabled = "webhook_endpoint.disabled";
    public const string WebhookEndpointDeleted = "webhook_endpoint.deleted";
    public const string MemberInvited = "member.invited";
    public const string InvitationWithdrawn = "member.invitation_withdrawn";
    public const string MemberJoined = "member.joined";
    public const string MemberRoleChanged = "member.role_changed";

    /// <summary>A Developer granted live mode, or no longer.</summary>
    public const string MemberLiveModeChanged = "member.live_mode_changed";
    public const string MemberRemoved = "member.removed";
    public const string ProviderConnected = "provider.connected";
    public const string ProviderDisconnected = "provider.disconnected";
    public const string BusinessChanged = "business.changed";
    public const string BrandingChanged = "branding.changed";

    public const string SignedIn = "account.signed_in";
    public const string SignInFailed = "account.sign_in_failed";
    public const string TwoFactorChanged = "account.two_factor_changed";
    public const string PasswordChanged = "account.password_changed";
    public const string EmailChanged = "account.email_changed";

    /// <summary>Something the caller's role does not allow was attempted and refused.</summary>
    public const string Refused = "access.refused";
}
