using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

/// <summary>
/// The list filter the database runs (<see cref="PaymentLink.ShowsStatusAt"/>) must pick exactly the links whose shown
/// status is among those asked for: every set of statuses, against links in every stored state, with no deadline, a
/// deadline to come, and one that has passed unnoticed.
/// </summary>
public sealed class StatusFilterTests
{
    public static TheoryData<int> EverySetOfStatuses()
    {
        var sets = new TheoryData<int>();
        for (var set = 1; set < 1 << Enum.GetValues<LinkStatus>().Length; set++)
            sets.Add(set);
        return sets;
    }

    [Theory]
    [MemberData(nameof(EverySetOfStatuses))]
    public void The_filter_picks_the_links_whose_shown_status_is_asked_for(int set)
    {
        var clock = new FakeTimeProvider();
        var statuses = Enum.GetValues<LinkStatus>().Where((_, bit) => (set & (1 << bit)) != 0).ToArray();
        var links = Enum.GetValues<LinkStatus>()
            .SelectMany(state => new DateTimeOffset?[] { null, clock.GetUtcNow().AddHours(1), clock.GetUtcNow().AddMinutes(1) }
                .Select(deadline => Links.InState(state, clock, expiresAt: deadline)))
            .ToList();
        clock.Advance(TimeSpan.FromMinutes(30)); // the one-minute deadlines pass; nothing stores it

        var now = clock.GetUtcNow();
        var filter = PaymentLink.ShowsStatusAt(statuses, now).Compile();

        Assert.Contains(links, link => link.EffectiveStatus(now) != link.Status); // the case that matters is there
        Assert.All(links, link => Assert.Equal(statuses.Contains(link.EffectiveStatus(now)), filter(link)));
    }
}
