using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Tests.Shared;

/// <summary>A link's status changes as stored, oldest first: what its timeline and its webhooks are made from.</summary>
public static class StoredHistory
{
    public static async Task<List<LinkStatusChange>> OfAsync(IServiceProvider services, Guid linkId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.LinkStatusChanges.AsNoTracking().Where(c => c.LinkId == linkId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync();
    }

    /// <summary>Whether the lifecycle's table has this arrow: some trigger leads from the change's state to its next.</summary>
    public static bool IsLifecycleMove(this LinkStatusChange change) =>
        Enum.GetValues<LinkTrigger>().Any(trigger => LinkLifecycle.TryMove(change.From, trigger, out var to) && to == change.To);
}
