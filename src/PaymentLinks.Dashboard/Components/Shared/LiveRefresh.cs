using PaymentLinks.Infrastructure.Events;

namespace PaymentLinks.Dashboard.Components.Shared;

/// <summary>
/// Subscribes a view to its merchant's link changes and coalesces bursts (a hundred payments in a second)
/// into one refresh, run on the component's dispatcher.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private readonly IDisposable _subscription;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Task> _refresh;
    private int _scheduled;

    public LiveRefresh(ILinkEvents events, Guid merchantId, Func<LinkChanged, bool> concerns,
        Func<Func<Task>, Task> dispatch, Func<Task> refresh)
    {
        _dispatch = dispatch;
        _refresh = refresh;
        _subscription = events.Subscribe(merchantId, change => concerns(change) ? ScheduleAsync() : Task.CompletedTask);
    }

    private async Task ScheduleAsync()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1)
            return;
        await Task.Delay(Quiet);
        Interlocked.Exchange(ref _scheduled, 0);
        await _dispatch(_refresh);
    }

    public void Dispose() => _subscription.Dispose();
}
