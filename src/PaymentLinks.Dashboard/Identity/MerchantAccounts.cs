using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>Registration: a new merchant and its first user, created together or not at all.</summary>
public sealed class MerchantAccounts(
    UserManager<ApplicationUser> users, IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<IdentityResult> RegisterAsync(string email, string password, string businessName)
    {
        var merchant = new Merchant(Guid.CreateVersion7(clock.GetUtcNow()), businessName.Trim(), "UTC", clock.GetUtcNow());
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Merchants.Add(merchant);
            await db.SaveChangesAsync();
        }

        var user = new ApplicationUser { UserName = email, Email = email, MerchantId = merchant.Id };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Merchants.Where(m => m.Id == merchant.Id).ExecuteDeleteAsync();
        }
        return created;
    }
}
