using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Expiry;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Dashboard.Tests.ScaleOut;

/// <summary>
/// Two whole app instances (each with its own services, connection pool and background workers) on one
/// PostgreSQL database, as scripts/cluster.sh runs them: limits, expiry, live updates and webhooks hold across them.
/// </summary>
[Trait("Provider", "PostgresOnly")]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Postgres();
    private DashboardApp _a = default!;
    private DashboardApp _b = default!;

    public Task InitializeAsync()
    {
        _a = new DashboardApp(database: _database);
        _ = _a.Services; // the first instance migrates before the second starts, as cluster.sh starts them
        _b = new DashboardApp(database: _database);
        _ = _b.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Four_hundred_completions_split_across_two_instances_take_exactly_the_hundred_a_link_allows()
    {
        var merchant = await _a.NewMerchantAsync("Busy Shop");
        var link = await _a.ActiveLinkAsync(merchant, maxUsages: 100);
        var attempts = new List<Guid>();
        for (var i = 0; i < 400; i++)
            attempts.Add((await Payments(i % 2 == 0 ? _a : _b).StartAsync(link.PublicId)).Value.Id);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completions = attempts.Select((id, i) => Task.Run(async () =>
        {
            await gate.Task;
            return await Payments(i % 2 == 0 ? _a : _b).CompleteAsync(id);
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(completions);

        Assert.All(outcomes, outcome => Assert.True(outcome.IsSuccess));
        await using var db = _a.NewContext();
        var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
        var completed = await db.PaymentAttempts.CountAsync(a => a.LinkId == link.Id && a.Status == PaymentStatus.Completed);
        Assert.Equal((100, 100, LinkStatus.Used), (completed, stored.Usages, stored.Status));
        Assert.Equal(300, await db.PaymentAttempts.CountAsync(a => a.LinkId == link.Id && a.FailureReason == Domain.Common.RefusalCodes.LinkUsed));
        Assert.Equal(1, await db.LinkStatusChanges.CountAsync(c => c.LinkId == link.Id && c.To == LinkStatus.Used));
    }

    [Fact]
    public async Task Two_sweepers_on_the_same_due_links_leave_exactly_one_expired_entry_per_link()
    {
        var merchant = await _a.NewMerchantAsync("Deadline Shop");
        var links = new List<Guid>();
        var lastDeadline = DateTimeOffset.MinValue;
        for (var i = 0; i < 60; i++)
        {
            // Each deadline a moment after its own link is published: one shared deadline, on a busy machine, passed
            // before the last links were made, and publishing them was (rightly) refused.
            lastDeadline = DateTimeOffset.UtcNow.AddSeconds(2);
            links.Add((await _a.Links.CreateAsync(merchant, new LinkSettings
            {
                Title = $"Early bird {i}", Amount = 10m, Currency = "EUR", MaxUsages = 5, ExpiresAt = lastDeadline,
            }, publish: true)).Value.Id);
        }
        await Task.Delay(lastDeadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));

        var sweeps = await Task.WhenAll(
            Task.Run(() => Expiry(_a).ExpireDueAsync()), Task.Run(() => Expiry(_b).ExpireDueAsync()),
            Task.Run(() => Expiry(_a).ExpireDueAsync()), Task.Run(() => Expiry(_b).ExpireDueAsync()));

        Assert.Equal(links.Count, sweeps.Sum());
        await using var db = _a.NewContext();
        var entries = await db.LinkStatusChanges.Where(c => links.Contains(c.LinkId) && c.To == LinkStatus.Expired).GroupBy(c => c.LinkId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(links.Count, entries.Count);
        Assert.All(entries, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_dashboard_on_one_instance_hears_of_a_payment_completed_on_the_other()
    {
        var merchant = await _a.NewMerchantAsync("Live Shop");
        var link = await _a.ActiveLinkAsync(merchant, maxUsages: 10);
        var heardOnB = new ConcurrentQueue<LinkChanged>();
        using var subscription = _b.Services.GetRequiredService<ILinkEvents>().Subscribe(merchant.MerchantId, change =>
        {
            heardOnB.Enqueue(change);
            return Task.CompletedTask;
        });

        var attempt = (await Payments(_a).StartAsync(link.PublicId)).Value;
        await Payments(_a).CompleteAsync(attempt.Id);

        await Poll.UntilAsync(() => Task.FromResult(heardOnB.Any(c => c.LinkId == link.Id && c.Kind == LinkChangeKind.PaymentFinished)),
            "instance B to hear of the payment completed on instance A");
    }

    [Fact]
    public async Task Checkout_views_counted_on_both_instances_at_once_all_add_up_once_both_have_stopped()
    {
        var link = await _a.ActiveLinkAsync(await _a.NewMerchantAsync("Viewed Shop"), maxUsages: 10);
        var onA = _a.CreateClient();
        var onB = _b.CreateClient();

        var pages = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? onA : onB).GetAsync($"/pay/{link.PublicId}")));
        await _a.DisposeAsync();
        await _b.DisposeAsync();

        Assert.All(pages, page => Assert.True(page.IsSuccessStatusCode));
        var services = new ServiceHarness(database: _database);
        await using (var db = services.NewContext())
            Assert.Equal(100, await db.PaymentLinks.Where(l => l.Id == link.Id).Select(l => l.CheckoutViews).SingleAsync());
        await services.DisposeAsync();
    }

    [Fact]
    public async Task With_both_dispatchers_running_each_event_reaches_an_endpoint_once_and_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await _a.NewMerchantAsync("Hooked Shop");
        Assert.True((await _a.Services.GetRequiredService<WebhookService>().AddEndpointAsync(merchant, receiver.Url)).IsSuccess);
        var link = await _a.ActiveLinkAsync(merchant, maxUsages: 100);
        for (var i = 0; i < 15; i++)
        {
            var attempt = (await Payments(i % 2 == 0 ? _a : _b).StartAsync(link.PublicId)).Value;
            await Payments(i % 2 == 0 ? _b : _a).CompleteAsync(attempt.Id);
        }

        await receiver.WaitForAsync(r => r.Delivered.Count >= 16, seconds: 30); // link.published, then 15 payments
        // An endpoint's events go out in order, so a copy of any of them would arrive before this later one.
        await _b.ActiveLinkAsync(merchant, maxUsages: 1);
        await receiver.WaitForAsync(r => r.Delivered.Count >= 17, seconds: 30);

        Assert.Equal("link.published", receiver.Delivered[0].EventType);
        var usages = receiver.Delivered.Where(r => r.EventType == "payment.completed")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("link").GetProperty("usages").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, 15), usages);
        Assert.Equal((17, "link.published"), (receiver.Delivered.Count, receiver.Delivered[16].EventType));
        Assert.Equal(17, receiver.Delivered.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetGuid()).Distinct().Count());
    }

    private static PaymentService Payments(DashboardApp instance) => instance.Services.GetRequiredService<PaymentService>();
    private static LinkExpiry Expiry(DashboardApp instance) => instance.Services.GetRequiredService<LinkExpiry>();
}
