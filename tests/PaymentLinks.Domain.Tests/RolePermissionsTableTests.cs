using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Domain.Tests;

/// <summary>
/// One case per cell of (6 roles × 15 permissions), against the roles of the teams issue written out again here,
/// independently of the code's own table: Y may, - may not.
/// </summary>
public sealed class RolePermissionsTableTests
{
    private static readonly Permission[] Columns =
    [
        Permission.ViewOverview, Permission.ViewLinks, Permission.EditLinks, Permission.ArchiveLinks, Permission.ViewPayments,
        Permission.Refund, Permission.Export, Permission.ManageApiKeys, Permission.ManageWebhooks, Permission.ManageBusiness,
        Permission.ManageMembers, Permission.ViewActivity, Permission.ManageProvider, Permission.TransferOwnership, Permission.DeleteBusiness,
    ];

    //                                                   over links edit arch pays refd expo keys hook busi memb acti prov xfer dele
    private static readonly Dictionary<MemberRole, string> Expected = new()
    {
        [MemberRole.Owner] = /*     */ "Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
        [MemberRole.Admin] = /*     */ "Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    -    -    -",
        [MemberRole.Finance] = /*   */ "Y    Y    -    -    Y    Y    Y    -    -    -    -    -    -    -    -",
        [MemberRole.Developer] = /* */ "-    Y    -    -    -    -    -    Y    Y    -    -    -    -    -    -",
        [MemberRole.Support] = /*   */ "Y    Y    Y    -    Y    -    -    -    -    -    -    -    -    -    -",
        [MemberRole.Viewer] = /*    */ "Y    Y    -    -    Y    -    -    -    -    -    -    -    -    -    -",
    };

    public static TheoryData<MemberRole, Permission, bool> Cells()
    {
        var cells = new TheoryData<MemberRole, Permission, bool>();
        foreach (var (role, row) in Expected)
        {
            var marks = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var column = 0; column < Columns.Length; column++)
                cells.Add(role, Columns[column], marks[column] == "Y");
        }
        return cells;
    }

    [Fact]
    public void The_table_covers_every_role_and_every_permission()
    {
        Assert.Equal(Enum.GetValues<MemberRole>().Order(), Expected.Keys.Order());
        Assert.Equal(Enum.GetValues<Permission>().Order(), Columns.Order());
        Assert.All(Expected.Values, row => Assert.Equal(Columns.Length, row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal(90, Cells().Count);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_of_the_role_table_allows_or_refuses_as_specified(MemberRole role, Permission permission, bool allowed) =>
        Assert.Equal(allowed, RolePermissions.Allows(role, permission));

    [Theory]
    [InlineData(MemberRole.Developer, false, false)]
    [InlineData(MemberRole.Developer, true, true)]
    [InlineData(MemberRole.Support, false, true)]
    [InlineData(MemberRole.Owner, false, true)]
    public void A_developer_works_in_live_mode_only_when_granted_it(MemberRole role, bool grantedLive, bool inLiveMode)
    {
        Assert.Equal(inLiveMode, RolePermissions.Allows(role, grantedLive, Permission.ViewLinks, livemode: true));
        Assert.Equal(RolePermissions.Allows(role, Permission.ViewLinks), RolePermissions.Allows(role, grantedLive, Permission.ViewLinks, livemode: false));
    }
}
