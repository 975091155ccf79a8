using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>
/// The captures, voids and refunds a save calls for, read from its change tracker (<see cref="Persistence.ChangesOnSave"/>):
/// a payment that has just completed is captured, one authorized and then refused by its link is voided, a new refund
/// is carried out. Written in the same save as the change, so money is never left authorized and uncollected, nor a
/// customer charged for nothing, whatever stops in between.
/// </summary>
internal static class RailOutbox
{
    internal static IReadOnlyList<RailOperation> Collect(ChangeTracker changes, DateTimeOffset now)
    {
        var operations = new List<RailOperation>();
        foreach (var entry in changes.Entries<PaymentAttempt>().Where(e => e.State == EntityState.Modified && e.Property(a => a.Status).IsModified))
        {
            var payment = entry.Entity;
            if (!payment.AwaitsCapture && !payment.AwaitsVoid)
                continue;
            // Every completion reads its link (tracked) to count the payment on it, so its merchant is at hand.
            var link = changes.Entries<PaymentLink>().Select(l => l.Entity).FirstOrDefault(l => l.Id == payment.LinkId)
                ?? throw new InvalidOperationException($"Payment {payment.Id} finished without its link read.");
            var action = payment.AwaitsCapture ? RailAction.Capture : RailAction.Void;
            operations.Add(new RailOperation(action, payment, null, link.MerchantId, payment.AmountMinor, now));
        }
        // A refund made at the provider has moved its money already; ours are carried out.
        foreach (var (refund, payment) in NewRefunds(changes).Where(r => !r.Refund.MadeAtProvider))
            operations.Add(new RailOperation(RailAction.Refund, payment, refund.Id, refund.MerchantId, refund.AmountMinor, now));
        return operations;
    }

    /// <summary>
    /// Payments this save takes from pending to finished (completed or failed), each with its link, which every
    /// finishing path reads (and the fast path of a completion reads after its count).
    /// </summary>
    internal static IEnumerable<(PaymentAttempt Payment, PaymentLink Link)> FinishedPayments(ChangeTracker changes)
    {
        var links = changes.Entries<PaymentLink>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        foreach (var entry in changes.Entries<PaymentAttempt>().Where(e => e.State == EntityState.Modified))
        {
            var wasPending = (PaymentStatus)entry.OriginalValues[nameof(PaymentAttempt.Status)]! == PaymentStatus.Pending;
            if (wasPending && entry.Entity.Status != PaymentStatus.Pending && links.TryGetValue(entry.Entity.LinkId, out var link))
                yield return (entry.Entity, link);
        }
    }

    /// <summary>
    /// Refunds just made, each with its payment, whose refunded sum it changed in the same save. Rows added any other
    /// way (a copy of the database) are not new refunds and call for nothing.
    /// </summary>
    internal static IEnumerable<(Refund Refund, PaymentAttempt Payment)> NewRefunds(ChangeTracker changes)
    {
        var changedPayments = changes.Entries<PaymentAttempt>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.RefundedMinor).IsModified)
            .ToDictionary(e => e.Entity.Id, e => e.Entity);
        return changes.Entries<Refund>().Where(e => e.State == EntityState.Added && changedPayments.ContainsKey(e.Entity.PaymentId))
            .Select(e => (e.Entity, changedPayments[e.Entity.PaymentId]));
    }
}
