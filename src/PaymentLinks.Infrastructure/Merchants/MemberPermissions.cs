using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Merchants;

/// <summary>
/// The server's own check of a merchant-side write, made inside the write's transaction from the role stored now: a
/// member demoted a moment ago, whose open page still offers the action, is refused all the same. An API key carries
/// the role it was made with. The clock, customers' payments and the provider act for no member and are not asked.
/// </summary>
public static class MemberPermissions
{
    /// <summary>
    /// Null when the caller may; otherwise the refusal, and the attempt is in the audit log (saved at once: the
    /// refused work saves nothing else).
    /// </summary>
    public static async Task<Refusal?> RefusalAsync(this AppDbContext db, MerchantCaller caller, Permission permission, DateTimeOffset now, CancellationToken ct)
    {
        if (caller.Actor.Kind is not (ActorKind.MerchantUser or ActorKind.ApiKey))
            return null;
        var (role, grantedLive) = caller.Actor.Kind is ActorKind.MerchantUser
            ? await MemberRoleAsync(db, caller.MerchantId, caller.Actor.Id, ct)
            : (await KeyRoleAsync(db, caller, ct), true); // a live key was made by someone allowed live mode
        if (role is { } held && RolePermissions.Allows(held, grantedLive, permission, caller.Livemode))
            return null;
        await db.RecordAsync(caller, now, AuditKinds.Refused, subjectId: null,
            $"Refused: {PermissionNames.Describe(permission)}, which the {role?.ToString() ?? "non-member"} role does not allow.", ct: ct);
        await db.SaveChangesAsync(ct);
        return RolePermissions.NotAllowed(role);
    }

    public static async Task<(MemberRole? Role, bool GrantedLive)> MemberRoleAsync(AppDbContext db, Guid merchantId, string? userId, CancellationToken ct)
    {
        var member = await db.Memberships.AsNoTracking()
            .Where(m => m.MerchantId == merchantId && m.UserId == userId)
            .Select(m => new { m.Role, m.GrantedLive })
            .FirstOrDefaultAsync(ct);
        return (member?.Role, member?.GrantedLive ?? false);
    }

    private static async Task<MemberRole?> KeyRoleAsync(AppDbContext db, MerchantCaller caller, CancellationToken ct) =>
        Guid.TryParse(caller.Actor.Id, out var keyId)
            ? await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId && k.MerchantId == caller.MerchantId).Select(k => (MemberRole?)k.Role).FirstOrDefaultAsync(ct)
            : null;
}
