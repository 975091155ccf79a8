namespace PaymentLinks.Domain.Merchants;

/// <summary>
/// What can be refused to a member of a business, or about its members and invitations, as codes
/// (<see cref="Common.Problem"/>), for the dashboard to say in its reader's language.
/// </summary>
public static class TeamProblems
{
    /// <summary>Values: the member's role (<see cref="MemberRole"/>).</summary>
    public const string RoleNotAllowed = "role_not_allowed";

    /// <summary>No values.</summary>
    public const string NotAMember = "not_a_member";
    public const string InviteEmailInvalid = "invite_email_invalid";
    public const string InvitationNotWaiting = "invitation_not_waiting";
    public const string InvitationNotFound = "invitation_not_found";
    public const string InvitationUsed = "invitation_used";
    public const string MemberNotFound = "member_not_found";
    public const string LastOwner = "last_owner";

    /// <summary>Values: the email address as it was typed.</summary>
    public const string AlreadyMember = "already_member";
}
