using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;

namespace PaymentLinks.Infrastructure.Telemetry;

/// <summary>
/// What a save makes true that the product's metrics count, read from its change tracker before the save (as the
/// outboxes are) and counted by <see cref="Persistence.ChangesOnSave"/> only once its transaction has committed: a
/// payment that completed or failed, a refund made, a capture, void or refund its rail confirmed.
/// </summary>
internal static class CountedOnCommit
{
    internal static List<Action<ProductMetrics>> Collect(ChangeTracker changes)
    {
        var facts = new List<Action<ProductMetrics>>();
        foreach (var (payment, _) in RailOutbox.FinishedPayments(changes))
        {
            var (livemode, reason) = (payment.Livemode, payment.FailureReason);
            facts.Add(payment.Status == PaymentStatus.Completed
                ? metrics => metrics.PaymentCompleted(livemode)
                : metrics => metrics.PaymentRefused(reason, livemode));
        }
        foreach (var (refund, _) in RailOutbox.NewRefunds(changes))
        {
            var livemode = refund.Livemode;
            facts.Add(metrics => metrics.RefundMade(livemode));
        }
        foreach (var entry in changes.Entries<RailOperation>())
        {
            if (entry.State != EntityState.Modified || !entry.Property(o => o.Status).IsModified || entry.Entity.Status != RailOperationStatus.Succeeded)
                continue;
            var (action, rail) = (entry.Entity.Action, entry.Entity.Provider);
            facts.Add(metrics => metrics.RailOperationConfirmed(action, rail));
        }
        return facts;
    }
}
