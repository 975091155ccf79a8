using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>Real parallel calls, each on its own thread and context, against one SQLite file.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();
    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Two_hundred_parallel_completions_on_a_link_of_fifty_complete_exactly_fifty()
    {
        var merchant = await _harness.NewMerchantAsync();
        var link = await _harness.ActiveLinkAsync(merchant, maxUsages: 50);
        var attempts = new List<Guid>();
        for (var i = 0; i < 200; i++)
            attempts.Add((await _harness.Payments.StartAsync(link.PublicId)).Value.Id);

        var outcomes = await AtOnce.RunAsync(attempts.Select(id => (Func<Task<Result<PaymentView>>>)(() => _harness.Payments.CompleteAsync(id))));

        Assert.Equal(50, outcomes.Count(o => o.Value.Status == PaymentStatus.Completed));
        Assert.Equal(150, outcomes.Count(o => o.Value is { Status: PaymentStatus.Failed, FailureReason: RefusalCodes.LinkUsed }));
        await using var db = _harness.NewContext();
        Assert.Equal(50, await db.PaymentAttempts.CountAsync(a => a.LinkId == link.Id && a.Status == PaymentStatus.Completed));
        Assert.Equal(150, await db.PaymentAttempts.CountAsync(a => a.LinkId == link.Id && a.FailureReason == RefusalCodes.LinkUsed));
        var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
        Assert.Equal((50, LinkStatus.Used), (stored.Usages, stored.Status));
        Assert.Single(await db.LinkStatusChanges.Where(c => c.LinkId == link.Id && c.To == LinkStatus.Used).ToListAsync());
    }

    [Fact]
    public async Task No_payment_completes_after_a_racing_disable()
    {
        var merchant = await _harness.NewMerchantAsync();
        for (var round = 0; round < 3; round++)
        {
            var link = await _harness.ActiveLinkAsync(merchant, maxUsages: 1000);
            var attempts = new List<Guid>();
            for (var i = 0; i < 100; i++)
                attempts.Add((await _harness.Payments.StartAsync(link.PublicId)).Value.Id);

            var completions = attempts.Select(id => (Func<Task<object>>)(async () => await _harness.Payments.CompleteAsync(id)));
            // The disable is queued in the middle of the completions, so it lands among them.
            var work = completions.Take(50)
                .Append(async () => await _harness.Links.ApplyAsync(merchant, link.Id, LinkTrigger.Disable))
                .Concat(completions.Skip(50));
            await AtOnce.RunAsync(work);

            await using var db = _harness.NewContext();
            var disabledAt = (await db.LinkStatusChanges.SingleAsync(c => c.LinkId == link.Id && c.To == LinkStatus.Disabled)).At;
            var payments = await db.PaymentAttempts.Where(a => a.LinkId == link.Id).ToListAsync();
            Assert.All(payments.Where(p => p.Status == PaymentStatus.Completed), p => Assert.True(p.FinishedAt <= disabledAt));
            Assert.All(payments.Where(p => p.Status == PaymentStatus.Failed), p =>
            {
                Assert.Equal(RefusalCodes.LinkDisabled, p.FailureReason);
                Assert.True(p.FinishedAt >= disabledAt);
            });
            var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
            Assert.Equal(payments.Count(p => p.Status == PaymentStatus.Completed), stored.Usages);
            Assert.Equal(100, payments.Count(p => p.IsFinished));
        }
    }
}
