using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Merchants;

public sealed record InvitationView(Guid Id, string Email, MemberRole Role, DateTimeOffset SentAt, DateTimeOffset ExpiresAt);

/// <summary>What the invitation page shows of a link that still works: who is asked to join what, as whom.</summary>
public sealed record OpenInvitation(Guid Id, Guid MerchantId, string BusinessName, string Email, MemberRole Role);

/// <summary>
/// Inviting people by email. The invitation and its mail are written together; the mail carries the only copy of the
/// token, a link that works once within a week. Owners and admins invite; only an owner invites an owner.
/// </summary>
public sealed class Invitations(IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, IOptions<LinkOptions> links)
{
    public const string EmailField = "email";
    public const string Path = "account/invitation";

    public Task<Result<InvitationView>> InviteAsync(MerchantCaller caller, string? email, MemberRole role, CancellationToken ct = default)
    {
        email = email?.Trim() ?? "";
        if (!EmailAddresses.IsValid(email))
            return Task.FromResult<Result<InvitationView>>(
                new Problem(TeamProblems.InviteEmailInvalid, "Enter the email address to invite, like name@example.com.").InvalidAt(EmailField));
        return writes.RunAsync<Result<InvitationView>>(async (db, now) =>
        {
            if (await RefusalToInviteAsync(db, caller, role, now, ct) is { } notAllowed)
                return notAllowed;
            var normalized = email.ToUpperInvariant(); // addresses are one whatever their case, as Identity's are
            if (await db.Memberships.AnyAsync(m => m.MerchantId == caller.MerchantId
                    && db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalized), ct))
                return new Problem(TeamProblems.AlreadyMember, $"{email} is a member already.", email).InvalidAt(EmailField);
            // One open invitation per address: inviting again replaces the last one (and its link).
            foreach (var earlier in await db.Invitations.Where(i => i.MerchantId == caller.MerchantId && i.Email.ToUpper() == normalized
                         && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct))
                earlier.Revoke(now);
            var token = NewToken();
            var invitation = new Invitation(Guid.CreateVersion7(now), caller.MerchantId, email, role, caller.Actor.Id!, HashOf(token), now);
            db.Invitations.Add(invitation);
            db.OutgoingMail.Add(MailOf(invitation, token, now));
            await db.RecordAsync(caller, now, AuditKinds.MemberInvited, invitation.Id, $"Invited {email} as {role}.", modeless: true, ct: ct);
            await db.SaveChangesAsync(ct);
            return ViewOf(invitation);
        }, ct);
    }

    /// <summary>A new link for a new week, mailed again; the earlier link stops working.</summary>
    public Task<Result<InvitationView>> ResendAsync(MerchantCaller caller, Guid invitationId, CancellationToken ct = default) =>
        writes.RunAsync<Result<InvitationView>>(async (db, now) =>
        {
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.MerchantId == caller.MerchantId
                && i.AcceptedAt == null && i.RevokedAt == null, ct);
            if (invitation is null)
                return new Problem(TeamProblems.InvitationNotWaiting, "No such invitation waiting.").As(RefusalCodes.NotFound);
            if (await RefusalToInviteAsync(db, caller, invitation.Role, now, ct) is { } notAllowed)
                return notAllowed;
            var token = NewToken();
            invitation.Renew(HashOf(token), now);
            db.OutgoingMail.Add(MailOf(invitation, token, now));
            await db.RecordAsync(caller, now, AuditKinds.MemberInvited, invitation.Id, $"Sent the invitation of {invitation.Email} ({invitation.Role}) again.",
                modeless: true, ct: ct);
            await db.SaveChangesAsync(ct);
            return ViewOf(invitation);
        }, ct);

    public Task<Result> RevokeAsync(MerchantCaller caller, Guid invitationId, CancellationToken ct = default) =>
        writes.RunAsync<Result>(async (db, now) =>
        {
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.MerchantId == caller.MerchantId, ct);
            if (invitation is null)
                return new Problem(TeamProblems.InvitationNotFound, "No such invitation.").As(RefusalCodes.NotFound);
            if (await RefusalToInviteAsync(db, caller, invitation.Role, now, ct) is { } notAllowed)
                return notAllowed;
            invitation.Revoke(now);
            await db.RecordAsync(caller, now, AuditKinds.InvitationWithdrawn, invitation.Id, $"Withdrew the invitation of {invitation.Email}.", modeless: true, ct: ct);
            await db.SaveChangesAsync(ct);
            return Result.Ok;
        }, ct);

    /// <summary>The invitations still waiting for an answer, newest first.</summary>
    public async Task<IReadOnlyList<InvitationView>> PendingAsync(MerchantCaller caller, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ManageMembers, now, ct) is not null)
            return [];
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.MerchantId == caller.MerchantId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        return pending.Select(ViewOf).ToList();
    }

    /// <summary>The invitation a mailed token opens, while it still works; null for a used, revoked, expired or made-up one.</summary>
    public async Task<OpenInvitation?> OpenAsync(string? token, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
            return null;
        var hash = HashOf(token);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Invitations.AsNoTracking()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .Join(db.Merchants, i => i.MerchantId, m => m.Id, (i, m) => new OpenInvitation(i.Id, i.MerchantId, m.BusinessName, i.Email, i.Role))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Uses the invitation up for the signed-in person <paramref name="userId"/>, joining them in the same transaction:
    /// of two tabs accepting at once, one joins and the other is told the link was used.
    /// </summary>
    public Task<Result> AcceptAsync(Guid invitationId, string userId, CancellationToken ct = default) =>
        writes.RunAsync<Result>(async (db, now) =>
        {
            // Used up by a conditional update: of two accepting at once, the second finds it used (it waits on the row).
            if (await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                    .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), ct) != 1)
                return new Problem(TeamProblems.InvitationUsed, "This invitation was used, withdrawn or has expired. Ask for a new one.").As(RefusalCodes.NotFound);
            var invitation = await db.Invitations.AsNoTracking().FirstAsync(i => i.Id == invitationId, ct);
            await JoinedAsync(db, invitation, userId, now, ct);
            await Members.JoinAsync(db, invitation.MerchantId, userId, invitation.Role, now, ct);
            return Result.Ok;
        }, ct);

    /// <summary>Marks the invitation used in <paramref name="db"/>, whose next save also creates the invitee's account.</summary>
    public static async Task<bool> UseForNewAccountAsync(AppDbContext db, Guid invitationId, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null || !invitation.IsPending(now))
            return false;
        invitation.Accept(now);
        await JoinedAsync(db, invitation, userId, now, ct);
        return true;
    }

    private static Task JoinedAsync(AppDbContext db, Invitation invitation, string userId, DateTimeOffset now, CancellationToken ct) =>
        db.RecordAsync(new MerchantCaller(invitation.MerchantId, Domain.Links.Actor.User(userId), Livemode: false) { Label = invitation.Email },
            now, AuditKinds.MemberJoined, userId, $"{invitation.Email} joined as {invitation.Role}, invited by email.", modeless: true, ct: ct);

    private static async Task<Refusal?> RefusalToInviteAsync(AppDbContext db, MerchantCaller caller, MemberRole role, DateTimeOffset now, CancellationToken ct) =>
        await db.RefusalAsync(caller, Permission.ManageMembers, now, ct)
        ?? (role == MemberRole.Owner ? await db.RefusalAsync(caller, Permission.TransferOwnership, now, ct) : null);

    private OutgoingMail MailOf(Invitation invitation, string token, DateTimeOffset now) =>
        OutgoingMail.To(invitation.Email, MailKind.Invitation, invitation.MerchantId, livemode: true, subjectId: invitation.Id, userId: null,
            new AccountMailData(links.Value.AbsoluteUrl($"{Path}?token={token}"), invitation.Role.ToString()).ToJson(), now);

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static InvitationView ViewOf(Invitation invitation) =>
        new(invitation.Id, invitation.Email, invitation.Role, SentAt: invitation.ExpiresAt - Invitation.Lifetime, invitation.ExpiresAt);
}
