namespace PaymentLinks.Domain.Merchants;

/// <summary>What can be refused to a member of a business, as codes (<see cref="Common.Problem"/>), for the dashboard to say in its reader's language.</summary>
public static class TeamProblems
{
    /// <summary>Values: the member's role (<see cref="MemberRole"/>).</summary>
    public const string RoleNotAllowed = "role_not_allowed";

    /// <summary>No values.</summary>
    public const string NotAMember = "not_a_member";
}
