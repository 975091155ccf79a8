using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Tests.Shared;

/// <summary>The audit log's entries about one thing (a user, a link…), of one kind, oldest first, as stored.</summary>
public static class StoredAudit
{
    public static async Task<List<AuditEntry>> OfAsync(IServiceProvider services, string subjectId, string kind)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == subjectId && e.Kind == kind).OrderBy(e => e.Id).ToListAsync();
    }
}
