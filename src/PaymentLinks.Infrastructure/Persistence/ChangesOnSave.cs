using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Telemetry;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// What every save announces, read from its change tracker: the captures, voids and refunds its payments call for,
/// the webhook events and the mail its changes cause, written in the same save (so never one without the other), and the live notifications for open views and
/// the facts the product's metrics count (<see cref="CountedOnCommit"/>), both published once the transaction
/// they belong to has committed (a rolled-back or refused change announces and counts nothing). No service writes either by hand;
/// a set-based update, which the tracker does not see, says what it changed with <see cref="Announce"/>. Pending
/// notifications are kept by transaction, not by context: contexts are pooled. An interceptor rather than an override,
/// so that pooled contexts, which take nothing but their options, get the clock, the events and the metrics.
/// </summary>
internal sealed class ChangesOnSave(TimeProvider clock, ILinkEvents? events, ProductMetrics? metrics) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] SettingColumns =
    [
        nameof(PaymentLink.Title), nameof(PaymentLink.Description), nameof(PaymentLink.AmountMinor), nameof(PaymentLink.Currency),
        nameof(PaymentLink.MaxUsages), nameof(PaymentLink.ExpiresAt), nameof(PaymentLink.RedirectUrl), nameof(PaymentLink.DisabledMessage),
        nameof(PaymentLink.CustomerChoosesAmount), nameof(PaymentLink.SuggestedAmountMinor), nameof(PaymentLink.MaximumAmountMinor),
        nameof(PaymentLink.MaxQuantity), nameof(PaymentLink.CustomerDetails), nameof(PaymentLink.CustomFields), nameof(PaymentLink.CheckoutLanguage),
    ];

    // What each open transaction has changed so far. Npgsql recycles transaction objects, so an entry goes when its
    // transaction ends, whichever way, and a new transaction starts with none.
    private static readonly ConditionalWeakTable<DbTransaction, Pending> ByTransaction = new();

    // What a save outside a transaction of the caller's changed, until EF Core's own transaction for it has committed.
    private static readonly ConditionalWeakTable<DbContext, Pending> BySave = new();

    /// <summary>Adds what a set-based update changed to what its transaction announces once it commits.</summary>
    public static void Announce(AppDbContext db, LinkChanged change)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A set-based update is announced from inside its transaction.");
        ByTransaction.GetOrCreateValue(transaction).Add([change], []);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        PublishSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ByTransaction.Remove(result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ByTransaction.Remove(result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => PublishTransaction(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        PublishTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ByTransaction.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ByTransaction.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not AppDbContext db)
            return;
        var now = clock.GetUtcNow();
        db.RailOperations.AddRange(Payments.Rails.RailOutbox.Collect(db.ChangeTracker, now));
        db.WebhookEvents.AddRange(WebhookOutbox.Collect(db.ChangeTracker, now));
        db.OutgoingMail.AddRange(Mail.MailOutbox.Collect(db.ChangeTracker, now));
        // A context of the tools' own has neither: nobody is watching or counting.
        var changes = events is null ? [] : ChangesIn(db.ChangeTracker);
        var counted = metrics is { CountsSaves: true } ? CountedOnCommit.Collect(db.ChangeTracker) : [];
        if (changes.Count == 0 && counted.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        (transaction is null ? BySave.GetOrCreateValue(db) : ByTransaction.GetOrCreateValue(transaction)).Add(changes, counted);
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
            BySave.Remove(context);
    }

    private void PublishSave(DbContext? context)
    {
        if (context is not null && BySave.TryGetValue(context, out var pending))
        {
            BySave.Remove(context);
            Publish(pending);
        }
    }

    private void PublishTransaction(DbTransaction transaction)
    {
        if (ByTransaction.TryGetValue(transaction, out var pending))
        {
            ByTransaction.Remove(transaction);
            Publish(pending);
        }
    }

    private void Publish(Pending pending)
    {
        foreach (var change in pending.Merged())
            events!.Publish(change);
        foreach (var count in pending.Counted())
            count(metrics!);
    }

    private static List<LinkChanged> ChangesIn(ChangeTracker tracker)
    {
        var changes = new List<LinkChanged>();
        var links = new Dictionary<Guid, PaymentLink>();
        foreach (var entry in tracker.Entries<PaymentLink>())
        {
            var link = links[entry.Entity.Id] = entry.Entity;
            var kind = entry.State switch
            {
                EntityState.Added => LinkChangeKind.Created,
                EntityState.Modified => KindOf(entry),
                _ => LinkChangeKind.None,
            };
            if (kind != LinkChangeKind.None)
                changes.Add(new LinkChanged(link.MerchantId, link.Id, kind, link.Version));
        }
        // A payment's link is tracked beside it: the payment paths read it to decide.
        foreach (var entry in tracker.Entries<PaymentAttempt>())
        {
            var kind = entry.State switch
            {
                EntityState.Added => LinkChangeKind.PaymentStarted,
                EntityState.Modified when entry.Property(a => a.Status).IsModified => LinkChangeKind.PaymentFinished,
                EntityState.Modified => LinkChangeKind.PaymentStarted, // new answers for a pending attempt
                _ => LinkChangeKind.None,
            };
            if (kind != LinkChangeKind.None && links.TryGetValue(entry.Entity.LinkId, out var link))
                changes.Add(new LinkChanged(link.MerchantId, link.Id, kind, link.Version));
        }
        return changes;
    }

    private static LinkChangeKind KindOf(EntityEntry<PaymentLink> entry)
    {
        var kind = LinkChangeKind.None;
        if (entry.Property(l => l.Status).IsModified)
            kind |= LinkChangeKind.StatusChanged;
        if (entry.Property(l => l.Usages).IsModified)
            kind |= LinkChangeKind.PaymentFinished;
        if (entry.Property(l => l.CheckoutViews).IsModified)
            kind |= LinkChangeKind.CheckoutViewed;
        if (SettingColumns.Any(column => entry.Member(column).IsModified))
            kind |= LinkChangeKind.Edited;
        return kind;
    }

    /// <summary>One transaction's changes, one notification per link, and what it makes true that metrics count.</summary>
    private sealed class Pending
    {
        private readonly List<LinkChanged> _changes = [];
        private readonly List<Action<ProductMetrics>> _counted = [];

        public void Add(IEnumerable<LinkChanged> changes, IEnumerable<Action<ProductMetrics>> counted)
        {
            lock (_changes)
            {
                _changes.AddRange(changes);
                _counted.AddRange(counted);
            }
        }

        public List<Action<ProductMetrics>> Counted()
        {
            lock (_changes)
                return [.. _counted];
        }

        public IEnumerable<LinkChanged> Merged()
        {
            lock (_changes)
                return _changes.GroupBy(c => (c.MerchantId, c.LinkId))
                    .Select(g => new LinkChanged(g.Key.MerchantId, g.Key.LinkId, g.Aggregate(LinkChangeKind.None, (all, c) => all | c.Kind), g.Max(c => c.Version)))
                    .ToList();
        }
    }
}
