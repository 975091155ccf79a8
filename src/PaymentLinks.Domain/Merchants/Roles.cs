using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Merchants;

/// <summary>A member's role in a business.</summary>
public enum MemberRole
{
    Owner,
    Admin,
    Finance,
    Developer,
    Support,
    Viewer,
}

/// <summary>What a member may do in a business; every page, action, API route and export asks for one.</summary>
public enum Permission
{
    ViewOverview,
    ViewLinks,

    /// <summary>Create, edit, duplicate, publish, unpublish, disable and enable links.</summary>
    EditLinks,
    ArchiveLinks,
    ViewPayments,
    Refund,
    Export,
    ManageApiKeys,
    ManageWebhooks,

    /// <summary>The business's name, time zone and checkout branding.</summary>
    ManageBusiness,
    ManageMembers,
    ViewActivity,

    /// <summary>Connecting and disconnecting the payment provider (live money's destination).</summary>
    ManageProvider,
    TransferOwnership,
    DeleteBusiness,
}

/// <summary>
/// The one table of who may do what. A Developer works in test mode only, unless granted live mode; every other role
/// may do the same in both modes.
/// </summary>
public static class RolePermissions
{
    private static readonly IReadOnlyDictionary<MemberRole, IReadOnlySet<Permission>> Table = new Dictionary<MemberRole, IReadOnlySet<Permission>>
    {
        [MemberRole.Owner] = Enum.GetValues<Permission>().ToHashSet(),
        [MemberRole.Admin] = Enum.GetValues<Permission>()
            .Except([Permission.ManageProvider, Permission.TransferOwnership, Permission.DeleteBusiness]).ToHashSet(),
        [MemberRole.Finance] = new HashSet<Permission>
            { Permission.ViewOverview, Permission.ViewLinks, Permission.ViewPayments, Permission.Refund, Permission.Export },
        [MemberRole.Developer] = new HashSet<Permission> { Permission.ViewLinks, Permission.ManageApiKeys, Permission.ManageWebhooks },
        [MemberRole.Support] = new HashSet<Permission> { Permission.ViewOverview, Permission.ViewLinks, Permission.EditLinks, Permission.ViewPayments },
        [MemberRole.Viewer] = new HashSet<Permission> { Permission.ViewOverview, Permission.ViewLinks, Permission.ViewPayments },
    };

    public static bool Allows(MemberRole role, Permission permission) => Table[role].Contains(permission);

    /// <summary>Whether a member with this role (and, for a Developer, this grant) may work in live mode at all.</summary>
    public static bool MayUseLiveMode(MemberRole role, bool grantedLive) => role != MemberRole.Developer || grantedLive;

    public static bool Allows(MemberRole role, bool grantedLive, Permission permission, bool livemode) =>
        Allows(role, permission) && (!livemode || MayUseLiveMode(role, grantedLive));

    /// <summary>What a link action asks for: archiving is the one permanent step that needs more than editing.</summary>
    public static Permission NeededFor(LinkTrigger action) => action is LinkTrigger.Archive ? Permission.ArchiveLinks : Permission.EditLinks;

    /// <summary>What moving a link to <paramref name="target"/> (or editing it, with none) asks for.</summary>
    public static Permission NeededToReach(LinkStatus? target) => target is LinkStatus.Archived ? Permission.ArchiveLinks : Permission.EditLinks;

    /// <summary>Whether <paramref name="role"/> may do nothing that <paramref name="limit"/> may not: the roles an API key may carry.</summary>
    public static bool IsWithin(MemberRole role, MemberRole limit) => Table[role].IsSubsetOf(Table[limit]);

    /// <summary>Refused because the role does not allow it, or because the person is not (or no longer) a member.</summary>
    public static Refusal NotAllowed(MemberRole? role) => (role is { } held
        ? new Problem(TeamProblems.RoleNotAllowed, $"The {held} role does not allow this. An owner or admin of the business can change roles.", held)
        : new Problem(TeamProblems.NotAMember, "You are not a member of this business.")).As(RefusalCodes.Forbidden);
}

/// <summary>What each permission lets a person do, in words for the audit log and its refusals.</summary>
public static class PermissionNames
{
    public static string Describe(Permission permission) => permission switch
    {
        Permission.ViewOverview => "seeing the overview",
        Permission.ViewLinks => "seeing links",
        Permission.EditLinks => "creating and changing links",
        Permission.ArchiveLinks => "archiving links",
        Permission.ViewPayments => "seeing payments",
        Permission.Refund => "refunding",
        Permission.Export => "exporting payments",
        Permission.ManageApiKeys => "managing API keys",
        Permission.ManageWebhooks => "managing webhooks",
        Permission.ManageBusiness => "changing the business's settings",
        Permission.ManageMembers => "managing members",
        Permission.ViewActivity => "seeing the activity log",
        Permission.ManageProvider => "connecting the payment provider",
        Permission.TransferOwnership => "changing who owns the business",
        Permission.DeleteBusiness => "deleting the business",
        _ => permission.ToString(),
    };
}
