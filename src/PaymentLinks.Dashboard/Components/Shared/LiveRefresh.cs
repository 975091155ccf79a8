using System.Collections.Concurrent;
using PaymentLinks.Infrastructure.Events;

namespace PaymentLinks.Dashboard.Components.Shared;

/// <summary>
/// Subscribes a view to its merchant's link changes and coalesces bursts (a hundred payments in a second)
/// into one refresh, run on the component's dispatcher with the changes it coalesced.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private readonly IDisposable _subscription;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<IReadOnlyList<LinkChanged>, Task> _refresh;
    private readonly ConcurrentQueue<LinkChanged> _heard = new();
    private int _scheduled;

    public LiveRefresh(ILinkEvents events, Guid merchantId, Func<LinkChanged, bool> concerns,
        Func<Func<Task>, Task> dispatch, Func<IReadOnlyList<LinkChanged>, Task> refresh)
    {
        _dispatch = dispatch;
        _refresh = refresh;
        _subscription = events.Subscribe(merchantId, change => concerns(change) ? ScheduleAsync(change) : Task.CompletedTask);
    }

    private async Task ScheduleAsync(LinkChanged change)
    {
        _heard.Enqueue(change);
        if (Interlocked.Exchange(ref _scheduled, 1) == 1)
            return;
        await Task.Delay(Quiet);
        Interlocked.Exchange(ref _scheduled, 0);
        var changes = new List<LinkChanged>();
        while (_heard.TryDequeue(out var heard))
            changes.Add(heard);
        if (changes.Count > 0)
            await _dispatch(() => _refresh(changes));
    }

    public void Dispose() => _subscription.Dispose();
}
