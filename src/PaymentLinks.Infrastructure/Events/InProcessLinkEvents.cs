using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Infrastructure.Events;

/// <summary>
/// Delivers link changes to subscribers in this process, per merchant, and measures how long each took from its
/// announcement here (a commit on this instance, or its arrival from another) to the subscriber being handed it.
/// </summary>
public sealed class InProcessLinkEvents(ILogger<InProcessLinkEvents> logger, ProductMetrics metrics) : ILinkEvents
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _byMerchant = new();

    /// <summary>Every change, whichever merchant's, as it is published here or arrives from another instance.</summary>
    public event Action<LinkChanged>? Published;

    public void Publish(LinkChanged change)
    {
        Published?.Invoke(change);
        if (!_byMerchant.TryGetValue(change.MerchantId, out var subscriptions))
            return;
        // Delivered outside the publisher's context: a customer's checkout request must not lend its language (culture)
        // to the merchants' open dashboards it updates.
        var announced = metrics.LiveUpdateAnnounced();
        using (ExecutionContext.SuppressFlow())
        {
            foreach (var subscription in subscriptions.Keys)
                _ = DeliverAsync(subscription, change, announced);
        }
    }

    public IDisposable Subscribe(Guid merchantId, Func<LinkChanged, Task> onChange)
    {
        var subscription = new Subscription(this, merchantId, onChange);
        _byMerchant.GetOrAdd(merchantId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    // A slow or failing subscriber (a closed circuit) must not hold up the writer or the others.
    private async Task DeliverAsync(Subscription subscription, LinkChanged change, long announced)
    {
        try
        {
            await Task.Yield();
            metrics.LiveUpdateHandedOver(announced);
            await subscription.OnChange(change);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "A link-change subscriber failed; it is left subscribed until it disposes");
        }
    }

    private sealed class Subscription(InProcessLinkEvents owner, Guid merchantId, Func<LinkChanged, Task> onChange) : IDisposable
    {
        public Func<LinkChanged, Task> OnChange { get; } = onChange;

        public void Dispose()
        {
            if (owner._byMerchant.TryGetValue(merchantId, out var subscriptions))
                subscriptions.TryRemove(this, out _);
        }
    }
}
