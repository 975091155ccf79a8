using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

/// <summary>
/// Thousands of random actions, payments, edits and clock moves over many links; after every step the
/// lifecycle's invariants must hold. Seeded, so a failure replays exactly.
/// </summary>
public sealed class RandomSequenceTests
{
    private const int Steps = 12_000;
    private const int LinkCount = 40;

    // Every arrow of PRODUCT.md's lifecycle table, as (from, to).
    private static readonly HashSet<(LinkStatus, LinkStatus)> AllowedMoves =
    [
        (LinkStatus.Draft, LinkStatus.Active),
        (LinkStatus.Active, LinkStatus.Draft),
        (LinkStatus.Disabled, LinkStatus.Draft),
        (LinkStatus.Active, LinkStatus.Disabled),
        (LinkStatus.Disabled, LinkStatus.Active),
        (LinkStatus.Active, LinkStatus.Expired),
        (LinkStatus.Disabled, LinkStatus.Expired),
        (LinkStatus.Active, LinkStatus.Used),
        (LinkStatus.Draft, LinkStatus.Archived),
        (LinkStatus.Active, LinkStatus.Archived),
        (LinkStatus.Disabled, LinkStatus.Archived),
    ];

    [Theory]
    [InlineData(20261124)]
    [InlineData(7)]
    public void Invariants_hold_over_a_long_random_sequence(int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var links = Enumerable.Range(0, LinkCount).Select(_ => NewLink(random, clock)).ToList();
        var moves = 0;

        for (var step = 0; step < Steps; step++)
        {
            var index = random.Next(links.Count);
            var link = links[index];
            var statusBefore = link.Status;
            var historyBefore = link.History.Count;
            var now = clock.GetUtcNow();

            switch (random.Next(10))
            {
                case < 5:
                    var action = LinkTriggerExtensions.MerchantActions[random.Next(LinkTriggerExtensions.MerchantActions.Count)];
                    link.Apply(action, now, Links.Merchant);
                    break;
                case < 8:
                    link.CompletePayment(now, Actor.Payment(Guid.NewGuid()));
                    break;
                case 8:
                    var maxUsages = Math.Max(1, link.Usages + random.Next(-1, 4));
                    link.Edit(link.CurrentSettings() with { MaxUsages = maxUsages }, now, Links.Merchant);
                    break;
                default:
                    clock.Advance(TimeSpan.FromMinutes(random.Next(0, 240)));
                    link.CatchUpWithClock(clock.GetUtcNow());
                    break;
            }

            if (statusBefore.IsTerminal())
            {
                Assert.Equal(statusBefore, link.Status);
                Assert.Equal(historyBefore, link.History.Count);
            }
            moves += link.History.Count - historyBefore;
            AssertInvariants(link, clock.GetUtcNow());

            // Replace finished links now and then, so the sequence keeps exercising live ones.
            if (link.Status.IsTerminal() && random.Next(4) == 0)
                links[index] = NewLink(random, clock);
        }

        Assert.True(moves > Steps / 10, $"Only {moves} transitions in {Steps} steps: the sequence is not exercising the lifecycle.");
    }

    private static PaymentLink NewLink(Random random, FakeTimeProvider clock)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? expiresAt = random.Next(3) == 0 ? null : now.AddMinutes(random.Next(30, 3000));
        var settings = Links.Settings(maxUsages: random.Next(1, 8), expiresAt: expiresAt);
        return PaymentLink.Create(Guid.NewGuid(), livemode: false, settings, publish: random.Next(2) == 0, now, Links.Merchant).Value;
    }

    private static void AssertInvariants(PaymentLink link, DateTimeOffset now)
    {
        Assert.InRange(link.Usages, 0, link.MaxUsages);
        var previous = LinkStatus.Draft;
        foreach (var change in link.History)
        {
            Assert.Contains((change.From, change.To), AllowedMoves);
            Assert.Equal(previous, change.From);
            previous = change.To;
        }
        Assert.Equal(previous, link.Status);
        if (link.ExpiresAt <= now)
            Assert.DoesNotContain(link.EffectiveStatus(now), new[] { LinkStatus.Active, LinkStatus.Disabled });
        if (link.Status == LinkStatus.Used)
            Assert.Equal(link.MaxUsages, link.Usages);
    }
}
