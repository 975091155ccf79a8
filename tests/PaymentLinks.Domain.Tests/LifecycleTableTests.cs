using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

/// <summary>
/// One case per cell of (6 states × 8 actions and events), against the lifecycle table of PRODUCT.md
/// written out again here, independently of the code's own table.
/// </summary>
public sealed class LifecycleTableTests
{
    private const string Refused = "refused";
    private const string NoOp = "no-op";

    // Columns: Publish, Unpublish, Disable, Enable, Archive, ExpireNow, DeadlinePassed, UsageLimitReached.
    // A state name means "moves there"; "stays" for an event that leaves the link as it is.
    private static readonly Dictionary<LinkStatus, string[]> Expected = new()
    {
        [LinkStatus.Draft] = ["ACTIVE", NoOp, Refused, Refused, "ARCHIVED", Refused, "stays", Refused],
        [LinkStatus.Active] = [NoOp, "DRAFT", "DISABLED", NoOp, "ARCHIVED", "EXPIRED", "EXPIRED", "USED"],
        [LinkStatus.Disabled] = [Refused, "DRAFT", NoOp, "ACTIVE", "ARCHIVED", "EXPIRED", "EXPIRED", Refused],
        [LinkStatus.Expired] = [Refused, Refused, Refused, Refused, Refused, NoOp, "stays", Refused],
        [LinkStatus.Used] = [Refused, Refused, Refused, Refused, Refused, Refused, "stays", Refused],
        [LinkStatus.Archived] = [Refused, Refused, Refused, Refused, NoOp, Refused, "stays", Refused],
    };

    private static readonly LinkTrigger[] Columns =
    [
        LinkTrigger.Publish, LinkTrigger.Unpublish, LinkTrigger.Disable, LinkTrigger.Enable,
        LinkTrigger.Archive, LinkTrigger.ExpireNow, LinkTrigger.DeadlinePassed, LinkTrigger.UsageLimitReached,
    ];

    public static TheoryData<LinkStatus, LinkTrigger, string> Cells()
    {
        var cells = new TheoryData<LinkStatus, LinkTrigger, string>();
        foreach (var (state, row) in Expected)
        {
            for (var column = 0; column < Columns.Length; column++)
                cells.Add(state, Columns[column], row[column]);
        }
        return cells;
    }

    [Fact]
    public void The_table_covers_every_state_and_every_trigger()
    {
        Assert.Equal(Enum.GetValues<LinkStatus>().Length, Expected.Count);
        Assert.Equal(Enum.GetValues<LinkTrigger>().Order(), Columns.Order());
        Assert.Equal(48, Cells().Count);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_of_the_lifecycle_behaves_as_specified(LinkStatus from, LinkTrigger trigger, string expected)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var deadline = clock.GetUtcNow().AddHours(1);
        // A link one payment short of its limit, with a deadline ahead, so every event can happen.
        var link = Links.InState(from, clock, maxUsages: from == LinkStatus.Used ? 1 : 2, expiresAt: deadline);
        if (from == LinkStatus.Active)
            Assert.True(link.CompletePayment(clock.GetUtcNow(), Actor.Payment(Guid.NewGuid())).IsSuccess);
        var historyBefore = link.History.Count;
        var versionBefore = link.Version;

        var (succeeded, refusal) = Fire(link, trigger, clock);

        switch (expected)
        {
            case Refused:
                Assert.False(succeeded);
                Assert.Equal(from, link.Status);
                Assert.Equal(historyBefore, link.History.Count);
                Assert.Equal(versionBefore, link.Version);
                Assert.False(string.IsNullOrWhiteSpace(refusal!.Message));
                if (from.IsTerminal() && trigger.IsMerchantAction())
                    Assert.Contains("terminal", refusal.Message);
                break;
            case NoOp or "stays":
                Assert.True(succeeded || trigger == LinkTrigger.DeadlinePassed);
                Assert.Equal(from, link.Status);
                Assert.Equal(historyBefore, link.History.Count);
                break;
            default:
                Assert.True(succeeded);
                Assert.Equal(expected, link.Status.ToDisplayName());
                var entry = Assert.Single(link.History.Skip(historyBefore));
                Assert.Equal(from, entry.From);
                Assert.Equal(link.Status, entry.To);
                Assert.Equal(link.StatusChangedAt, entry.At);
                break;
        }
    }

    private static (bool Succeeded, Refusal? Refusal) Fire(PaymentLink link, LinkTrigger trigger, FakeTimeProvider clock)
    {
        switch (trigger)
        {
            case LinkTrigger.DeadlinePassed:
                clock.Advance(TimeSpan.FromHours(2));
                return (link.CatchUpWithClock(clock.GetUtcNow()), null);
            case LinkTrigger.UsageLimitReached:
                var paid = link.CompletePayment(clock.GetUtcNow(), Actor.Payment(Guid.NewGuid()));
                return (paid.IsSuccess, paid.Refusal);
            default:
                var moved = link.Apply(trigger, clock.GetUtcNow(), Links.Merchant);
                return (moved.IsSuccess, moved.Refusal);
        }
    }
}
