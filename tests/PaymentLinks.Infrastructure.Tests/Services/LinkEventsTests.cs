using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>
/// Who hears a change. Each change a subscriber must not hear is published before one it does hear, and deliveries
/// start in publishing order: the test waits for the later one, not for a delay in which "nothing" arrived.
/// </summary>
public sealed class LinkEventsTests
{
    private readonly InProcessLinkEvents _events = new ServiceCollection()
        .AddLogging().AddMetrics().AddSingleton<OutboxDepth>().AddSingleton<ProductMetrics>().AddSingleton<InProcessLinkEvents>()
        .BuildServiceProvider().GetRequiredService<InProcessLinkEvents>();

    [Fact]
    public async Task A_change_reaches_its_own_merchants_subscribers_and_never_another_merchants()
    {
        var (merchantA, merchantB) = (Guid.NewGuid(), Guid.NewGuid());
        var (heardByA, heardByB) = (new Listener(), new Listener());
        using var a = _events.Subscribe(merchantA, heardByA.HearAsync);
        using var b = _events.Subscribe(merchantB, heardByB.HearAsync);

        var forA = new LinkChanged(merchantA, Guid.NewGuid(), LinkChangeKind.StatusChanged);
        var forB = new LinkChanged(merchantB, Guid.NewGuid(), LinkChangeKind.Created);
        var againForA = forA with { Kind = LinkChangeKind.PaymentFinished };
        _events.Publish(forA);
        _events.Publish(forB);
        _events.Publish(againForA);

        Assert.Equal([forA, againForA], (await heardByA.FirstAsync(2)).OrderBy(c => c.Kind));
        Assert.Equal([forB], await heardByB.FirstAsync(1));
    }

    [Fact]
    public async Task A_subscriber_hears_a_change_outside_the_publishers_culture()
    {
        var merchant = Guid.NewGuid();
        var cultureHeard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _events.Subscribe(merchant, _ =>
        {
            cultureHeard.TrySetResult(System.Globalization.CultureInfo.CurrentCulture.Name);
            return Task.CompletedTask;
        });
        var before = System.Globalization.CultureInfo.CurrentCulture;

        // As a customer's Persian checkout request does when its payment completes.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fa");
        try
        {
            _events.Publish(new LinkChanged(merchant, Guid.NewGuid(), LinkChangeKind.PaymentFinished));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }

        Assert.NotEqual("fa", await cultureHeard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_more()
    {
        var merchant = Guid.NewGuid();
        var (gone, staying) = (new Listener(), new Listener());
        var subscription = _events.Subscribe(merchant, gone.HearAsync);
        using var other = _events.Subscribe(merchant, staying.HearAsync);
        subscription.Dispose();

        var change = new LinkChanged(merchant, Guid.NewGuid(), LinkChangeKind.Created);
        _events.Publish(change);
        _events.Publish(change with { LinkId = Guid.NewGuid() });

        await staying.FirstAsync(2);
        Assert.Empty(gone.Heard);
    }

    private sealed class Listener
    {
        private readonly ConcurrentQueue<LinkChanged> _heard = new();
        private readonly SemaphoreSlim _arrivals = new(0);

        public IReadOnlyCollection<LinkChanged> Heard => _heard;

        public Task HearAsync(LinkChanged change)
        {
            _heard.Enqueue(change);
            _arrivals.Release();
            return Task.CompletedTask;
        }

        /// <summary>What was heard once <paramref name="count"/> changes have arrived.</summary>
        public async Task<IReadOnlyCollection<LinkChanged>> FirstAsync(int count)
        {
            for (var i = 0; i < count; i++)
                Assert.True(await _arrivals.WaitAsync(TimeSpan.FromSeconds(5)), $"Only {i} of {count} changes arrived.");
            return _heard.ToList();
        }
    }
}
