using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Merchants;

public sealed record MemberView(string UserId, string Email, MemberRole Role, bool GrantedLive, DateTimeOffset JoinedAt);

/// <summary>
/// The people of a business and their roles. Owners and admins manage members; only an owner makes or unmakes an
/// owner; a business always keeps at least one owner. Changes to one business's members queue on its row.
/// </summary>
public sealed class Members(IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, TimeProvider clock)
{
    public const string RoleField = "role";

    public async Task<IReadOnlyList<MemberView>> ListAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ManageMembers, clock.GetUtcNow(), ct) is not null)
            return [];
        return await db.Memberships.AsNoTracking().Where(m => m.MerchantId == caller.MerchantId)
            .OrderBy(m => m.JoinedAt)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberView(u.Id, u.Email ?? "", m.Role, m.GrantedLive, m.JoinedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Puts the person in the business with <paramref name="role"/> and opens it for them (their current business), in
    /// the caller's transaction: an accepted invitation and its membership are one change.
    /// </summary>
    public static async Task JoinAsync(AppDbContext db, Guid merchantId, string userId, MemberRole role, DateTimeOffset now, CancellationToken ct)
    {
        // A member already keeps the role they have: an old invitation is no way round the rules of changing roles.
        if (!await db.Memberships.AnyAsync(m => m.MerchantId == merchantId && m.UserId == userId, ct))
            db.Memberships.Add(Membership.Joining(merchantId, userId, role, now));
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.MerchantId, merchantId), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Gives the member <paramref name="role"/>; for a Developer, <paramref name="grantedLive"/> says whether they may
    /// work in live mode too. The log says which of the two changed; a change to nothing is not written.
    /// </summary>
    public Task<Result> ChangeRoleAsync(MerchantCaller caller, string userId, MemberRole role, bool grantedLive, CancellationToken ct = default) =>
        ChangeAsync(caller, userId, role, (db, member, email) =>
        {
            var (roleBefore, liveBefore) = (member.Role, member.GrantedLive);
            member.ChangeRole(role, grantedLive);
            var changes = AuditTrail.Differences(("role", roleBefore.ToString(), role.ToString()),
                ("live_mode", LiveText(roleBefore, liveBefore), LiveText(role, member.GrantedLive)));
            if (roleBefore != role)
                return (AuditKinds.MemberRoleChanged, $"Changed the role of {email} from {roleBefore} to {role}.", changes);
            if (liveBefore != member.GrantedLive)
                return (AuditKinds.MemberLiveModeChanged, member.GrantedLive ? $"Granted live mode to {email}." : $"Took live mode from {email}.", changes);
            return null;
        }, ct);

    private static string LiveText(MemberRole role, bool granted) => role != MemberRole.Developer ? "always" : granted ? "granted" : "not granted";

    /// <summary>
    /// Takes the person out of the business at once. Their sign-ins, which name the business, end (a new security
    /// stamp), and their next one opens another business of theirs, if they have one.
    /// </summary>
    public Task<Result> RemoveAsync(MerchantCaller caller, string userId, CancellationToken ct = default) =>
        ChangeAsync(caller, userId, newRole: null, (db, member, email) =>
        {
            db.Memberships.Remove(member);
            return (AuditKinds.MemberRemoved, $"Removed {email} ({member.Role}) from the business.", null);
        }, ct, afterwards: async (db, userId) =>
        {
            var next = await db.Memberships.Where(m => m.UserId == userId && m.MerchantId != caller.MerchantId)
                .OrderBy(m => m.JoinedAt).Select(m => (Guid?)m.MerchantId).FirstOrDefaultAsync(ct);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set
                .SetProperty(u => u.MerchantId, u => next ?? u.MerchantId)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant()), ct);
        });

    private Task<Result> ChangeAsync(
        MerchantCaller caller, string userId, MemberRole? newRole,
        Func<AppDbContext, Membership, string, (string Kind, string Summary, IReadOnlyDictionary<string, (string?, string?)>? Changes)?> change,
        CancellationToken ct, Func<AppDbContext, string, Task>? afterwards = null) =>
        writes.RunAsync<Result>(db => db.LockMerchantAsync(caller.MerchantId, ct), async (db, now) =>
        {
            if (await db.RefusalAsync(caller, Permission.ManageMembers, now, ct) is { } notAllowed)
                return notAllowed;
            var member = await db.Memberships.FirstOrDefaultAsync(m => m.MerchantId == caller.MerchantId && m.UserId == userId, ct);
            if (member is null)
                return new Problem(TeamProblems.MemberNotFound, "No such member.").As(RefusalCodes.NotFound);
            var touchesOwnership = member.Role == MemberRole.Owner || newRole == MemberRole.Owner;
            if (touchesOwnership && await db.RefusalAsync(caller, Permission.TransferOwnership, now, ct) is { } notOwner)
                return notOwner;
            if (member.Role == MemberRole.Owner && newRole != MemberRole.Owner
                && await db.Memberships.CountAsync(m => m.MerchantId == caller.MerchantId && m.Role == MemberRole.Owner, ct) == 1)
                return new Problem(TeamProblems.LastOwner, "A business always keeps an owner: make someone else an owner first.").InvalidAt(RoleField);
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstAsync(ct);
            if (change(db, member, email ?? userId) is not { } made)
                return Result.Ok;
            await db.RecordAsync(caller, now, made.Kind, userId, made.Summary, made.Changes, modeless: true, ct: ct);
            await db.SaveChangesAsync(ct);
            if (afterwards is not null)
                await afterwards(db, userId); // in the same transaction
            return Result.Ok;
        }, ct);
}
