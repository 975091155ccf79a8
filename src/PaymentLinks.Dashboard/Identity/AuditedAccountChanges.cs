using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// A change Identity makes to a person's account (password, email, two-factor), with its audit entry in the same save:
/// the entry waits in the request's context, which Identity's store saves the user through. A change Identity refuses
/// saves nothing, and what was added for it (the entry, a notice mail) is taken back so no later save writes it.
/// </summary>
public sealed class AuditedAccountChanges(AppDbContext identityContext, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<IdentityResult> RunAsync(ApplicationUser user, string kind, string summary, Func<AppDbContext, Task<IdentityResult>> change)
    {
        await AccountAudit.RecordAsync(identityContext, user, http.HttpContext, clock.GetUtcNow(), kind, summary);
        var result = await change(identityContext);
        if (!result.Succeeded)
            foreach (var unsaved in identityContext.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                unsaved.State = EntityState.Detached;
        return result;
    }
}
