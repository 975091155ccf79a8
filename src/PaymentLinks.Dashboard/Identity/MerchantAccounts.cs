using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>Registration: a new merchant, its first user and that user's Owner membership, created together or not at all.</summary>
public sealed class MerchantAccounts(UserManager<ApplicationUser> users, AppDbContext identityContext, TimeProvider clock, LocalizedIdentityErrors errors)
{
    /// <summary>
    /// The merchant and the membership are only added to the identity store's own (scoped) context, so the store's one
    /// SaveChanges writes them with the user in one transaction. A refused user writes none of them.
    /// </summary>
    public async Task<IdentityResult> RegisterAsync(string email, string password, string businessName)
    {
        var now = clock.GetUtcNow();
        var merchant = new Merchant(Guid.CreateVersion7(now), businessName.Trim(), "UTC", now);
        identityContext.Merchants.Add(merchant);
        var user = new ApplicationUser { UserName = email, Email = email, MerchantId = merchant.Id };
        var founder = identityContext.Memberships.Add(Membership.Founder(merchant.Id, user.Id, now));
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with one email at once: both passed the store's uniqueness check, the index let one in.
            created = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(email));
        }
        if (!created.Succeeded)
        {
            identityContext.Entry(merchant).State = EntityState.Detached;
            founder.State = EntityState.Detached;
        }
        return created;
    }

    /// <summary>
    /// A person who joins an existing business with <paramref name="role"/>, without one of their own. From an
    /// invitation, its use is saved with the account (and a used one refuses the account); the address it was mailed
    /// to is proven.
    /// </summary>
    public async Task<IdentityResult> RegisterMemberAsync(string email, string password, Guid merchantId, MemberRole role, Guid? invitationId = null)
    {
        var now = clock.GetUtcNow();
        var user = new ApplicationUser { UserName = email, Email = email, MerchantId = merchantId, EmailConfirmed = invitationId is not null };
        if (invitationId is { } invited && !await Invitations.UseForNewAccountAsync(identityContext, invited, user.Id, now, default))
            return IdentityResult.Failed(errors.InvitationUsed());
        identityContext.Memberships.Add(Membership.Joining(merchantId, user.Id, role, now));
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups from one invitation at once: the email's unique index let one in.
            created = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(email));
        }
        if (!created.Succeeded)
            identityContext.ChangeTracker.Clear(); // nothing of it stays for a later save of this context
        return created;
    }
}
