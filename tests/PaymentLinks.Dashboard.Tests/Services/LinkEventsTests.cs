using Microsoft.Extensions.Logging.Abstractions;
using PaymentLinks.Infrastructure.Events;

namespace PaymentLinks.Dashboard.Tests.Services;

public sealed class LinkEventsTests
{
    [Fact]
    public async Task A_change_reaches_its_own_merchants_subscribers_and_never_another_merchants()
    {
        var events = new InProcessLinkEvents(NullLogger<InProcessLinkEvents>.Instance);
        var merchantA = Guid.NewGuid();
        var merchantB = Guid.NewGuid();
        var heardByA = new TaskCompletionSource<LinkChanged>();
        var heardByB = 0;
        using var a = events.Subscribe(merchantA, change => { heardByA.TrySetResult(change); return Task.CompletedTask; });
        using var b = events.Subscribe(merchantB, _ => { Interlocked.Increment(ref heardByB); return Task.CompletedTask; });

        var change = new LinkChanged(merchantA, Guid.NewGuid(), LinkChangeKind.StatusChanged);
        events.Publish(change);

        Assert.Equal(change, await heardByA.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        await Task.Delay(100);
        Assert.Equal(0, heardByB);
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_more()
    {
        var events = new InProcessLinkEvents(NullLogger<InProcessLinkEvents>.Instance);
        var merchant = Guid.NewGuid();
        var heard = 0;
        var subscription = events.Subscribe(merchant, _ => { Interlocked.Increment(ref heard); return Task.CompletedTask; });
        subscription.Dispose();

        events.Publish(new LinkChanged(merchant, Guid.NewGuid(), LinkChangeKind.Created));

        await Task.Delay(100);
        Assert.Equal(0, heard);
    }
}
