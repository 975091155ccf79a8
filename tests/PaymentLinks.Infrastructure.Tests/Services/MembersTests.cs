using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>A Developer's live mode: granted and taken by whoever manages members, and lost with the role.</summary>
public sealed class MembersTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();
    public Task DisposeAsync() => _harness.DisposeAsync();

    private Members Members => _harness.Services.GetRequiredService<Members>();

    [Fact]
    public async Task A_developer_views_test_mode_until_granted_live_and_each_grant_is_logged_once()
    {
        var owner = await _harness.NewMerchantAsync("Granting Grapes");
        var developer = await JoinAsync(owner, MemberRole.Developer, viewsLiveMode: true);
        var sessions = _harness.Services.GetRequiredService<MerchantSessions>();
        Assert.False((await sessions.LoadAsync(owner.MerchantId, developer))!.ViewsLiveMode);

        Assert.True((await Members.ChangeRoleAsync(owner, developer, MemberRole.Developer, grantedLive: true)).IsSuccess);
        Assert.True((await Members.ChangeRoleAsync(owner, developer, MemberRole.Developer, grantedLive: true)).IsSuccess); // nothing changes

        Assert.True((await sessions.LoadAsync(owner.MerchantId, developer))!.ViewsLiveMode);
        Assert.Equal([("member.live_mode_changed", """{"live_mode":["not granted","granted"]}""")], await LoggedAsync(owner));
    }

    [Fact]
    public async Task A_developer_made_support_and_developer_again_starts_without_live_mode()
    {
        var owner = await _harness.NewMerchantAsync("Cycling Cherries");
        var developer = await JoinAsync(owner, MemberRole.Developer);
        await Members.ChangeRoleAsync(owner, developer, MemberRole.Developer, grantedLive: true);

        await Members.ChangeRoleAsync(owner, developer, MemberRole.Support, grantedLive: true);
        await Members.ChangeRoleAsync(owner, developer, MemberRole.Developer, grantedLive: false);

        await using var db = _harness.NewContext();
        Assert.False((await db.Memberships.SingleAsync(m => m.UserId == developer)).GrantedLive);
        Assert.Equal(["member.live_mode_changed", "member.role_changed", "member.role_changed"], (await LoggedAsync(owner)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Someone_who_may_not_manage_members_cannot_grant_live_mode()
    {
        var owner = await _harness.NewMerchantAsync("Guarded Guavas");
        var developer = await JoinAsync(owner, MemberRole.Developer);

        var granted = await Members.ChangeRoleAsync(owner with { Actor = Actor.User(developer) }, developer, MemberRole.Developer, grantedLive: true);

        Assert.Equal(RefusalCodes.Forbidden, granted.Refusal?.Code);
        await using var db = _harness.NewContext();
        Assert.False((await db.Memberships.SingleAsync(m => m.UserId == developer)).GrantedLive);
    }

    [Fact]
    public async Task A_developer_kept_to_test_mode_may_not_roll_the_return_secret_that_signs_live_returns_too()
    {
        var owner = await _harness.NewMerchantAsync("Secret Sloes");
        var developer = owner with { Actor = Actor.User(await JoinAsync(owner, MemberRole.Developer)) };
        var profiles = _harness.Services.GetRequiredService<MerchantProfiles>();
        var before = await profiles.ReturnSecretAsync(owner.MerchantId);

        Assert.Null(await profiles.RollReturnSecretAsync(developer));
        Assert.Equal(before, await profiles.ReturnSecretAsync(owner.MerchantId));

        await Members.ChangeRoleAsync(owner, developer.Actor.Id!, MemberRole.Developer, grantedLive: true);
        Assert.NotEqual(before, await profiles.RollReturnSecretAsync(developer));
    }

    private async Task<string> JoinAsync(MerchantCaller business, MemberRole role, bool viewsLiveMode = false)
    {
        await using var db = _harness.NewContext();
        var user = new ApplicationUser { UserName = $"member-{Guid.NewGuid():N}", MerchantId = business.MerchantId, ViewsLiveMode = viewsLiveMode };
        db.Users.Add(user);
        db.Memberships.Add(Membership.Joining(business.MerchantId, user.Id, role, _harness.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<List<(string Kind, string? Changes)>> LoggedAsync(MerchantCaller business)
    {
        await using var db = _harness.NewContext();
        var entries = await db.AuditEntries.Where(e => e.MerchantId == business.MerchantId).OrderBy(e => e.Id).Select(e => new { e.Kind, e.Changes }).ToListAsync();
        return entries.Select(e => (e.Kind, e.Changes)).ToList();
    }
}
