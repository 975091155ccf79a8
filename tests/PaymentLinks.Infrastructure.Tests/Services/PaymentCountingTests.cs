using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>
/// A payment below the limit is counted by one UPDATE of the link's row; the last one goes through the aggregate,
/// which moves the link to USED. Both must leave the same traces: the count, a new version, and history only for USED.
/// </summary>
public sealed class PaymentCountingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceHarness _harness;

    public PaymentCountingTests() => _harness = new ServiceHarness(_clock);

    public Task InitializeAsync() => _harness.InitializeAsync();
    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Payments_below_the_limit_count_and_change_the_version_and_the_last_one_moves_the_link_to_used()
    {
        var merchant = await _harness.NewMerchantAsync();
        var link = await _harness.ActiveLinkAsync(merchant, maxUsages: 3);

        var versions = new List<int> { link.Version };
        for (var paid = 1; paid <= 3; paid++)
        {
            var started = (await _harness.Payments.StartAsync(link.PublicId)).Value;
            Assert.Equal(PaymentStatus.Completed, (await _harness.Payments.CompleteAsync(started.Id)).Value.Status);
            var stored = (await _harness.Links.GetAsync(merchant, link.Id.ToString())).Value;
            Assert.Equal((paid, paid < 3 ? LinkStatus.Active : LinkStatus.Used), (stored.Usages, stored.Status));
            versions.Add(stored.Version);
        }

        Assert.Equal(versions.Order().Distinct(), versions); // every payment is a change to the link
        await using var db = _harness.NewContext();
        Assert.Equal([LinkStatus.Active, LinkStatus.Used],
            await db.LinkStatusChanges.Where(c => c.LinkId == link.Id).OrderBy(c => c.At).Select(c => c.To).ToListAsync());
    }

    [Fact]
    public async Task Every_payment_leaves_the_row_as_the_domains_count_of_it_does_on_the_fast_path_and_the_locked_one()
    {
        var merchant = await _harness.NewMerchantAsync();
        var link = await _harness.ActiveLinkAsync(merchant, maxUsages: 2);

        for (var paid = 1; paid <= 2; paid++) // the first payment takes the conditional UPDATE, the last the locked row
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var counted = await StoredLinkAsync(link.Id);
            Assert.True(counted.CompletePayment(_clock.GetUtcNow(), Actor.Payment(Guid.NewGuid())).IsSuccess);
            var started = (await _harness.Payments.StartAsync(link.PublicId)).Value;
            await _harness.Payments.CompleteAsync(started.Id);

            var stored = await StoredLinkAsync(link.Id);
            Assert.Equal((counted.Usages, counted.Version, counted.UpdatedAt, counted.Status),
                (stored.Usages, stored.Version, stored.UpdatedAt, stored.Status));
        }
    }

    [Fact]
    public async Task An_edit_from_a_form_opened_before_a_payment_is_refused_as_changed_by_someone_else()
    {
        var merchant = await _harness.NewMerchantAsync();
        var link = await _harness.ActiveLinkAsync(merchant, maxUsages: 10);
        var started = (await _harness.Payments.StartAsync(link.PublicId)).Value;
        await _harness.Payments.CompleteAsync(started.Id);

        var edit = await _harness.Links.EditAsync(merchant, link.Id, link.Settings with { Title = "Renamed" }, link.Version);

        Assert.Equal(RefusalCodes.Conflict, edit.Refusal?.Code);
        Assert.Equal(link.Settings.Title, (await _harness.Links.GetAsync(merchant, link.Id.ToString())).Value.Settings.Title);
    }

    [Fact]
    public async Task Approving_a_payment_twice_counts_it_once()
    {
        var merchant = await _harness.NewMerchantAsync();
        var link = await _harness.ActiveLinkAsync(merchant, maxUsages: 10);
        var started = (await _harness.Payments.StartAsync(link.PublicId)).Value;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _harness.Payments.CompleteAsync(started.Id))));

        Assert.All(answers, answer => Assert.Equal(PaymentStatus.Completed, answer.Value.Status));
        Assert.Equal(1, (await _harness.Links.GetAsync(merchant, link.Id.ToString())).Value.Usages);
    }

    private async Task<PaymentLink> StoredLinkAsync(Guid id)
    {
        await using var db = _harness.NewContext();
        return await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == id);
    }
}
