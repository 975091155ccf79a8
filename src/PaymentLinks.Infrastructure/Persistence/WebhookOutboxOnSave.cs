using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// Every save also writes the webhook events its changes cause: same transaction, so never one without the other.
/// An interceptor rather than an override so that pooled contexts, which take nothing but their options, get the clock.
/// </summary>
internal sealed class WebhookOutboxOnSave(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEvents(DbContext? context)
    {
        if (context is AppDbContext db)
            db.WebhookEvents.AddRange(WebhookOutbox.Collect(db.ChangeTracker, clock.GetUtcNow()));
    }
}
