using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>
/// The links list's totals come from counts the database keeps per merchant and stored status (triggers), corrected
/// for links past their deadline: they must always equal the links the list finds.
/// </summary>
public sealed class LinkCountTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceHarness _harness;

    public LinkCountTests() => _harness = new ServiceHarness(_clock);

    public Task InitializeAsync() => _harness.InitializeAsync();
    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Every_filter_total_equals_the_links_listed_through_the_whole_lifecycle()
    {
        var merchant = await _harness.NewMerchantAsync("Counted Cakes");
        var other = await _harness.NewMerchantAsync("Other Ovens");
        await _harness.ActiveLinkAsync(other);
        var links = _harness.Links;
        var draft = (await links.CreateAsync(merchant, ServiceHarness.Settings(), publish: false)).Value;
        var disabled = (await links.ApplyAsync(merchant, (await _harness.ActiveLinkAsync(merchant)).Id, LinkTrigger.Disable)).Value;
        await links.ApplyAsync(merchant, (await _harness.ActiveLinkAsync(merchant)).Id, LinkTrigger.Archive);
        var used = await _harness.ActiveLinkAsync(merchant, maxUsages: 1);
        await _harness.Payments.CompleteAsync((await _harness.Payments.StartAsync(used.PublicId)).Value.Id);
        await _harness.ActiveLinkAsync(merchant, expiresAt: _clock.GetUtcNow().AddHours(1)); // due, not stored as expired
        await links.ApplyAsync(merchant, (await _harness.ActiveLinkAsync(merchant, expiresAt: _clock.GetUtcNow().AddHours(1))).Id, LinkTrigger.Disable);
        await _harness.ActiveLinkAsync(merchant);
        await links.ApplyAsync(merchant, draft.Id, LinkTrigger.Publish);
        await links.ApplyAsync(merchant, disabled.Id, LinkTrigger.Enable);
        await links.CreateAsync(merchant, ServiceHarness.Settings(), publish: false);
        _clock.Advance(TimeSpan.FromHours(2));

        LinkStatus[][] filters = [.. Enum.GetValues<LinkStatus>().Select(status => new[] { status }), [], Enum.GetValues<LinkStatus>(),
            [LinkStatus.Active, LinkStatus.Expired], [LinkStatus.Disabled, LinkStatus.Used]];
        foreach (var statuses in filters)
        {
            var page = await links.ListAsync(merchant, new LinkQuery { Statuses = statuses, Take = LinkQuery.MaxPageSize });
            Assert.True(page.Items.Count == page.TotalCount, $"{string.Join("+", statuses)}: {page.Items.Count} listed, total {page.TotalCount}");
        }
        Assert.Equal(2, (await links.ListAsync(merchant, new LinkQuery { Statuses = [LinkStatus.Expired] })).TotalCount);
        Assert.Equal(8, (await links.ListAsync(merchant, new LinkQuery { Statuses = Enum.GetValues<LinkStatus>() })).TotalCount);
    }

    [Fact]
    public async Task Kept_counts_equal_the_stored_links_after_many_creations_and_status_changes_at_once()
    {
        var merchant = await _harness.NewMerchantAsync("Busy Bakery");
        var links = _harness.Links;
        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => links.CreateAsync(merchant, ServiceHarness.Settings(), publish: i % 3 != 0))));

        await Task.WhenAll(created.Select((link, i) => Task.Run(async () =>
        {
            var id = link.Value.Id;
            _ = i % 3 == 0 ? await links.ApplyAsync(merchant, id, LinkTrigger.Publish) : await links.ApplyAsync(merchant, id, LinkTrigger.Disable);
            _ = i % 2 == 0 ? await links.ApplyAsync(merchant, id, LinkTrigger.Archive) : await links.ApplyAsync(merchant, id, LinkTrigger.Enable);
        })));

        Assert.Equal(30, await AssertKeptCountsMatchStoredAsync(merchant.MerchantId));
    }

    [Fact]
    public async Task Kept_counts_follow_links_written_and_deleted_many_in_one_statement()
    {
        var merchant = await _harness.NewMerchantAsync("Bulk Bakery");
        await using (var db = _harness.NewContext())
        {
            // One save of many rows is sent as a few multi-row statements: counted per statement, not per row.
            for (var i = 0; i < 250; i++)
                db.PaymentLinks.Add(PaymentLink.Create(merchant.MerchantId, merchant.Livemode, ServiceHarness.Settings(), publish: i % 5 != 0, _clock.GetUtcNow(), merchant.Actor).Value);
            await db.SaveChangesAsync();
        }
        Assert.Equal(250, await AssertKeptCountsMatchStoredAsync(merchant.MerchantId));

        await using (var db = _harness.NewContext())
            await db.PaymentLinks.Where(l => l.MerchantId == merchant.MerchantId && l.Status == LinkStatus.Active).Take(120).ExecuteDeleteAsync();
        Assert.Equal(130, await AssertKeptCountsMatchStoredAsync(merchant.MerchantId));
    }

    /// <summary>The counts kept per status equal the links stored; returns their total.</summary>
    private async Task<int> AssertKeptCountsMatchStoredAsync(Guid merchantId)
    {
        await using var db = _harness.NewContext();
        var stored = await db.PaymentLinks.Where(l => l.MerchantId == merchantId).GroupBy(l => l.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var kept = await db.MerchantLinkCounts.Where(c => c.MerchantId == merchantId && c.Count != 0)
            .ToDictionaryAsync(c => c.Status, c => c.Count);
        Assert.Equal(stored.OrderBy(e => e.Key), kept.OrderBy(e => e.Key));
        return kept.Values.Sum();
    }
}
