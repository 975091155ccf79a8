using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Housekeeping;
using PaymentLinks.Infrastructure.Idempotency;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>Rows whose job is done are removed; rows still in use are kept, whatever their age.</summary>
public sealed class HousekeepingTests : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceHarness _harness;

    public HousekeepingTests() => _harness = new ServiceHarness(_clock, settings: new Dictionary<string, string?>
    {
        ["Webhooks:PollInterval"] = PollInterval.ToString(),
        ["Housekeeping:WebhookRetention"] = "30.00:00:00",
    });

    private RowPruner Pruner => _harness.Services.GetRequiredService<RowPruner>();
    private IdempotencyStore Keys => _harness.Services.GetRequiredService<IdempotencyStore>();

    public Task InitializeAsync() => _harness.InitializeAsync();
    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Idempotency_keys_go_after_their_24_hours_and_younger_ones_still_replay()
    {
        var merchant = await _harness.NewMerchantAsync();
        await CompleteKeyAsync(merchant, "old-key");
        _clock.Advance(TimeSpan.FromHours(23));
        await CompleteKeyAsync(merchant, "young-key");
        _clock.Advance(TimeSpan.FromHours(2));

        var pruned = await Pruner.PruneAsync();

        Assert.Equal(1, pruned.IdempotencyRecords);
        await using var db = _harness.NewContext();
        Assert.Equal(["young-key"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.Equal(new StoredAnswer(201, "{}"), (await Keys.FindAsync(merchant, "young-key"))?.Answer);
    }

    [Fact]
    public async Task A_payment_left_at_the_bank_step_past_an_hour_can_only_fail_and_is_then_removed()
    {
        var merchant = await _harness.NewMerchantAsync();
        var link = await _harness.ActiveLinkAsync(merchant, maxUsages: 5);
        var late = (await _harness.Payments.StartAsync(link.PublicId, "late")).Value;
        var left = (await _harness.Payments.StartAsync(link.PublicId, "left")).Value;
        _clock.Advance(TimeSpan.FromMinutes(30));
        var recent = (await _harness.Payments.StartAsync(link.PublicId, "recent")).Value;
        _clock.Advance(TimeSpan.FromMinutes(31));

        var approvedLate = await _harness.Payments.CompleteAsync(late.Id);
        var pruned = await Pruner.PruneAsync();

        Assert.Equal((PaymentStatus.Failed, RefusalCodes.PaymentAbandoned), (approvedLate.Value.Status, approvedLate.Value.FailureReason));
        Assert.Equal(1, pruned.AbandonedPayments);
        await using var db = _harness.NewContext();
        Assert.Equal([late.Id, recent.Id], (await db.PaymentAttempts.Select(a => a.Id).ToListAsync()).Order());
        Assert.Equal(0, (await db.PaymentLinks.SingleAsync()).Usages);
        Assert.Equal(PaymentStatus.Completed, (await _harness.Payments.CompleteAsync(recent.Id)).Value.Status);
        Assert.True((await _harness.Payments.CompleteAsync(left.Id)).Refusal is { Code: RefusalCodes.NotFound });
    }

    [Fact]
    public async Task Finished_webhook_events_go_after_the_retention_and_one_being_redelivered_stays()
    {
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var failing = await WebhookReceiver.StartAsync(failFirst: 1000);
        var webhooks = _harness.Services.GetRequiredService<WebhookService>();
        var delivered = await _harness.NewMerchantAsync("Delivered Shop");
        var givenUp = await _harness.NewMerchantAsync("Given-up Shop");
        await webhooks.AddEndpointAsync(delivered, healthy.Url);
        await webhooks.AddEndpointAsync(givenUp, failing.Url);
        var dispatcher = _harness.Services.GetServices<IHostedService>().OfType<WebhookDispatcher>().Single();
        await dispatcher.StartAsync(CancellationToken.None);

        await _harness.ActiveLinkAsync(delivered);
        await _harness.ActiveLinkAsync(givenUp);
        await webhooks.WaitForLogAsync(delivered, l => l.AllSucceeded(1), "first event delivered", _clock, PollInterval);
        await webhooks.WaitForLogAsync(givenUp, l => l.Count == 1 && l[0].Attempts == 1, "first attempt failed", _clock, PollInterval);
        // The failing delivery's next try is past the day: given up. The dispatcher sleeps through the jump, or
        // the fake clock would fire its 50 ms timer for every period of the month.
        await dispatcher.StopAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(31));
        await dispatcher.StartAsync(CancellationToken.None);
        var failed = Assert.Single(await webhooks.WaitForLogAsync(givenUp,
            l => l.Count == 1 && l[0].Status == DeliveryStatus.Failed, "failing delivery given up", _clock, PollInterval));
        await _harness.ActiveLinkAsync(delivered);
        await webhooks.WaitForLogAsync(delivered, l => l.AllSucceeded(2), "recent event delivered", _clock, PollInterval);
        await dispatcher.StopAsync(CancellationToken.None);
        Assert.True(await webhooks.RedeliverAsync(givenUp, failed.Id));

        var pruned = await Pruner.PruneAsync();

        Assert.Equal(1, pruned.WebhookEvents);
        await using var db = _harness.NewContext();
        var kept = await db.WebhookEvents.OrderBy(e => e.Id).Select(e => new { e.MerchantId, e.CreatedAt }).ToListAsync();
        Assert.Equal([(givenUp.MerchantId, false), (delivered.MerchantId, true)],
            kept.Select(e => (e.MerchantId, e.CreatedAt > _clock.GetUtcNow().AddDays(-1))));
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync(d => d.MerchantId == delivered.MerchantId));
    }

    [Fact]
    public async Task Mail_done_with_goes_after_the_retention_and_a_message_still_retrying_stays()
    {
        var merchant = await _harness.NewMerchantAsync("Mailing Shop");
        var old = _clock.GetUtcNow();
        await using (var db = _harness.NewContext())
        {
            var sent = OutgoingMail.To("sent@mail.example.com", MailKind.Receipt, merchant.MerchantId, false, null, null, null, old);
            sent.Sent("250 OK", old);
            var retrying = OutgoingMail.To("retrying@mail.example.com", MailKind.Receipt, merchant.MerchantId, false, null, null, null, old);
            retrying.Retry("421 Try later", TimeSpan.FromSeconds(30), TimeSpan.FromDays(365), old);
            db.OutgoingMail.AddRange(sent, retrying);
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromDays(31));
        await using (var db = _harness.NewContext())
        {
            db.OutgoingMail.Add(OutgoingMail.To("recent@mail.example.com", MailKind.Receipt, merchant.MerchantId, false, null, null, null, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var pruned = await Pruner.PruneAsync();

        Assert.Equal(1, pruned.Mail);
        await using var check = _harness.NewContext();
        Assert.Equal(["recent@mail.example.com", "retrying@mail.example.com"], await check.OutgoingMail.Select(m => m.Address).OrderBy(a => a).ToListAsync());
    }

    /// <summary>A key stored as the API stores one: by the write it answers, a new link here.</summary>
    private Task CompleteKeyAsync(MerchantCaller merchant, string key) => new KeyedRequest(merchant, key, "hash").RunAsync(() =>
    {
        KeyedRequest.AnswerWith<Result<LinkView>>(_ => new StoredAnswer(201, "{}"));
        return _harness.Links.CreateAsync(merchant, new LinkSettings { Title = key, Amount = 1m, Currency = "EUR" }, publish: false);
    });
}
