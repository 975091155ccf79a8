using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Housekeeping;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>The audit log, on the run's database: one entry per merchant-side change, in order, and nothing else.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    private readonly ServiceHarness _harness;

    public AuditLogTests() => _harness = new ServiceHarness(_clock);

    public Task InitializeAsync() => _harness.InitializeAsync();
    public Task DisposeAsync() => _harness.DisposeAsync();

    /// <summary>What one action is expected to have written: its kind and what it was done to.</summary>
    private sealed record Expected(string Kind, string? SubjectId);

    [Fact]
    public async Task Two_hundred_random_actions_each_leave_exactly_one_entry_in_the_order_they_were_done_and_customers_leave_none()
    {
        var merchant = await _harness.NewMerchantAsync("Audited Apples");
        var random = new Random(20261207);
        var expected = new List<Expected>();
        var links = new Dictionary<Guid, LinkView>(); // each as it now stands
        var keys = new List<Guid>();
        var paid = new List<PaymentView>();
        var apiKeys = _harness.Services.GetRequiredService<ApiKeyService>();
        var refunds = _harness.Services.GetRequiredService<RefundService>();
        var profiles = _harness.Services.GetRequiredService<MerchantProfiles>();

        for (var done = 0; done < 200;)
        {
            switch (links.Count == 0 ? 0 : random.Next(7))
            {
                case 0:
                    var created = (await _harness.Links.CreateAsync(merchant, ServiceHarness.Settings(title: $"Apple box {done}"), publish: random.Next(2) == 0)).Value;
                    links[created.Id] = created;
                    expected.Add(new(AuditKinds.LinkCreated, created.Id.ToString()));
                    break;
                case 1:
                    var editable = Pick(links, random, l => !l.Status.IsTerminal());
                    if (editable is null)
                        continue;
                    links[editable.Id] = (await _harness.Links.EditAsync(merchant, editable.Id, editable.Settings with { Title = $"Renamed {done}" }, editable.Version)).Value;
                    expected.Add(new(AuditKinds.LinkEdited, editable.Id.ToString()));
                    break;
                case 2:
                    var movable = Pick(links, random, l => l.AvailableActions.Count > 0);
                    if (movable is null)
                        continue;
                    var action = movable.AvailableActions[random.Next(movable.AvailableActions.Count)];
                    var moved = links[movable.Id] = (await _harness.Links.ApplyAsync(merchant, movable.Id, action)).Value;
                    expected.Add(new(KindOfMove(movable.Status, moved.Status), movable.Id.ToString()));
                    break;
                case 3:
                    var original = Pick(links, random, _ => true)!;
                    var copy = (await _harness.Links.DuplicateAsync(merchant, original.Id)).Value;
                    links[copy.Id] = copy;
                    expected.Add(new(AuditKinds.LinkDuplicated, copy.Id.ToString()));
                    break;
                case 4 when keys.Count < 10:
                    var key = (await apiKeys.CreateAsync(merchant, $"Key {done}")).Value.Key;
                    keys.Add(key.Id);
                    expected.Add(new(AuditKinds.ApiKeyCreated, key.Id.ToString()));
                    break;
                case 4:
                    var revoked = keys[random.Next(keys.Count)];
                    keys.Remove(revoked);
                    Assert.True(await apiKeys.RevokeAsync(merchant, revoked));
                    expected.Add(new(AuditKinds.ApiKeyRevoked, revoked.ToString()));
                    break;
                case 5:
                    // A customer pays (no entry: not the merchant's side), and now and then the merchant refunds a part.
                    var payable = Pick(links, random, l => l.Status == LinkStatus.Active);
                    if (payable is not null && (await _harness.Payments.StartAsync(payable.PublicId)) is { IsSuccess: true } started)
                    {
                        paid.Add((await _harness.Payments.CompleteAsync(started.Value.Id)).Value);
                        links[payable.Id] = (await _harness.Links.GetAsync(merchant, payable.Id)).Value; // a usage more, a version on
                    }
                    if (paid.Count == 0 || random.Next(2) == 0)
                        continue;
                    var payment = paid[random.Next(paid.Count)];
                    if ((await refunds.RefundAsync(merchant, payment.Id, 0.01m, RefundReason.RequestedByCustomer)) is not { IsSuccess: true })
                        continue;
                    expected.Add(new(AuditKinds.RefundCreated, payment.Id.ToString()));
                    break;
                default:
                    Assert.True((await profiles.UpdateAsync(merchant, $"Audited Apples {done}", "UTC", null)).IsSuccess);
                    expected.Add(new(AuditKinds.BusinessChanged, merchant.MerchantId.ToString()));
                    break;
            }
            done++;
        }

        await using var db = _harness.NewContext();
        var written = await db.AuditEntries.Where(e => e.MerchantId == merchant.MerchantId).OrderBy(e => e.Id)
            .Select(e => new Expected(e.Kind, e.SubjectId)).ToListAsync();
        Assert.Equal(expected, written);
        Assert.All(await db.AuditEntries.Where(e => e.MerchantId == merchant.MerchantId).ToListAsync(), entry =>
            Assert.Equal((merchant.Actor.Kind, merchant.Actor.Id), (entry.ActorKind, entry.ActorId)));
    }

    [Fact]
    public async Task An_edit_records_each_changed_setting_before_and_after_and_a_refused_attempt_is_recorded_with_its_reason()
    {
        var merchant = await _harness.NewMerchantAsync("Changed Cherries");
        var link = (await _harness.Links.CreateAsync(merchant, ServiceHarness.Settings(maxUsages: 5, title: "Cherry crate"), publish: false)).Value;
        await _harness.Links.EditAsync(merchant, link.Id, link.Settings with { Title = "Cherry crate XL", MaxUsages = 8 }, link.Version);
        var stranger = merchant with { Actor = Actor.User("not-a-member") };
        Assert.Equal("forbidden", (await _harness.Links.ApplyAsync(stranger, link.Id, LinkTrigger.Publish)).Refusal?.Code);

        var log = _harness.Services.GetRequiredService<ActivityLog>();
        var entries = await log.PageAsync(merchant, new ActivityFilter());
        Assert.Equal([AuditKinds.Refused, AuditKinds.LinkEdited, AuditKinds.LinkCreated], entries.Select(e => e.Kind));
        Assert.Equal("""{"title":["Cherry crate","Cherry crate XL"],"max_usages":["5","8"]}""", entries[1].Changes);
        Assert.Equal("not-a-member", entries[0].ActorId);
        Assert.Equal(LinkStatus.Draft, (await _harness.Links.GetAsync(merchant, link.Id)).Value.Status);
        Assert.Equal([AuditKinds.Refused], (await log.PageAsync(merchant, new ActivityFilter(Kind: AuditKinds.Refused))).Select(e => e.Kind));
        Assert.Equal(2, (await log.PageAsync(merchant, new ActivityFilter(Kind: "link"))).Count);
    }

    [Fact]
    public async Task An_export_streams_every_matching_entry_newest_first_across_its_pages_and_the_dates_bound_it()
    {
        var merchant = await _harness.NewMerchantAsync("Streamed Sloes");
        var stranger = await _harness.NewMerchantAsync("Other Olives");
        var start = _clock.GetUtcNow();
        await using (var db = _harness.NewContext())
        {
            // More than two of the export's pages of 500, an hour apart: 1,234 hours is about 51 days.
            for (var hour = 0; hour < 1_234; hour++)
                db.AuditEntries.Add(new AuditEntry(merchant.MerchantId, false, start.AddHours(hour), merchant.Actor, "owner", null,
                    AuditKinds.LinkEdited, hour.ToString(), $"Edit {hour}", null));
            db.AuditEntries.Add(new AuditEntry(stranger.MerchantId, false, start, stranger.Actor, "them", null, AuditKinds.LinkEdited, "x", "Theirs", null));
            await db.SaveChangesAsync();
        }
        var log = _harness.Services.GetRequiredService<ActivityLog>();

        var all = await log.StreamAsync(merchant, new ActivityFilter()).ToListAsync();
        var tenthDay = await log.StreamAsync(merchant, new ActivityFilter(From: start.AddDays(10), Until: start.AddDays(11))).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 1_234).Reverse().Select(hour => $"Edit {hour}"), all.Select(e => e.Summary));
        Assert.Equal(Enumerable.Range(240, 24).Reverse().Select(hour => $"Edit {hour}"), tenthDay.Select(e => e.Summary));
        Assert.Empty(await log.StreamAsync(merchant with { Actor = Actor.User("not-a-member") }, new ActivityFilter()).ToListAsync());
    }

    [Fact]
    public async Task Housekeeping_removes_entries_older_than_a_year_and_keeps_the_rest()
    {
        var merchant = await _harness.NewMerchantAsync("Kept Kiwis");
        await _harness.Links.CreateAsync(merchant, ServiceHarness.Settings(title: "Old kiwi"), publish: false);
        _clock.Advance(TimeSpan.FromDays(300));
        await _harness.Links.CreateAsync(merchant, ServiceHarness.Settings(title: "Newer kiwi"), publish: false);
        _clock.Advance(TimeSpan.FromDays(70));

        var pruned = await _harness.Services.GetRequiredService<RowPruner>().PruneAsync();

        Assert.Equal(1, pruned.AuditEntries);
        await using var db = _harness.NewContext();
        Assert.Equal(["Created “Newer kiwi” as DRAFT."], await db.AuditEntries.Where(e => e.MerchantId == merchant.MerchantId).Select(e => e.Summary).ToListAsync());
    }

    private static string KindOfMove(LinkStatus from, LinkStatus to) => (from, to) switch
    {
        (LinkStatus.Draft, LinkStatus.Active) => "link.published",
        (_, LinkStatus.Active) => "link.enabled",
        (_, LinkStatus.Draft) => "link.unpublished",
        (_, var status) => $"link.{status.ToString().ToLowerInvariant()}",
    };

    private static LinkView? Pick(Dictionary<Guid, LinkView> links, Random random, Func<LinkView, bool> fits)
    {
        var candidates = links.Values.Where(fits).OrderBy(l => l.Id).ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }
}
