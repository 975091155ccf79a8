using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments;

/// <summary>
/// Checkout views, counted in memory and added to the links once a second, so that opening a pay page neither
/// writes nor wakes every open dashboard. A flush adds what it counted (<c>CheckoutViews + n</c>), so instances
/// sharing a database never overwrite each other; a failed flush keeps its counts for the next one; stopping the
/// app flushes what is left.
/// </summary>
public sealed class CheckoutViewCounts(
    IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<CheckoutViewCounts> logger)
    : PeriodicWork(TimeSpan.FromSeconds(1), clock, logger)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private Dictionary<Guid, PendingViews> _pending = [];

    private readonly record struct PendingViews(Guid MerchantId, int Views);

    public void Count(Guid linkId, Guid merchantId)
    {
        lock (_gate)
            _pending[linkId] = new PendingViews(merchantId, _pending.GetValueOrDefault(linkId).Views + 1);
    }

    /// <summary>
    /// Adds every view counted so far to the database, then tells open dashboards once per link. One flush at a
    /// time, never cancelled halfway: the one at shutdown waits for a periodic one to finish rather than miss its counts.
    /// </summary>
    public async Task FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            await FlushPendingAsync();
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task FlushPendingAsync()
    {
        Dictionary<Guid, PendingViews> taken;
        lock (_gate)
        {
            if (_pending.Count == 0)
                return;
            (taken, _pending) = (_pending, []);
        }
        try
        {
            await AddAsync(taken);
        }
        catch
        {
            lock (_gate)
                foreach (var (linkId, pending) in taken)
                    _pending[linkId] = pending with { Views = pending.Views + _pending.GetValueOrDefault(linkId).Views };
            throw;
        }
    }

    private async Task AddAsync(Dictionary<Guid, PendingViews> taken)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // In id order, so that two instances flushing the same links at once take their rows in the same order.
        foreach (var (linkId, pending) in taken.OrderBy(entry => entry.Key))
        {
            await db.PaymentLinks.Where(l => l.Id == linkId)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.CheckoutViews, l => l.CheckoutViews + pending.Views));
            ChangesOnSave.Announce(db, new LinkChanged(pending.MerchantId, linkId, LinkChangeKind.CheckoutViewed));
        }
        await transaction.CommitAsync();
    }

    protected override Task RunOnceAsync(CancellationToken ct) => FlushAsync();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync();
        }
        catch (Exception error)
        {
            Logger.LogError(error, "Checkout views counted since the last flush could not be saved at shutdown");
        }
    }
}
