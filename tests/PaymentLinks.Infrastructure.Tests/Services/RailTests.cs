using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>Authorize, count, then capture or void, through the sandbox bank's own ledger, with real parallel customers.</summary>
public sealed class RailTests : IAsyncLifetime
{
    private static readonly TimeSpan ApproveLaterDelay = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMicroseconds(1) };
    private readonly ServiceHarness _harness;
    private MerchantCaller _merchant = default!;

    public RailTests() => _harness = new ServiceHarness(_clock, settings: new Dictionary<string, string?>
    {
        ["Rails:SandboxApproveLaterDelay"] = ApproveLaterDelay.ToString(),
        ["Rails:RetryBaseDelay"] = "00:00:01",
    });

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _merchant = await _harness.NewMerchantAsync("Rail Rugs");
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    private RailWorker Worker => _harness.Services.GetServices<IHostedService>().OfType<RailWorker>().Single();

    [Fact]
    public async Task Sixty_customers_authorize_on_a_five_use_link_five_are_captured_and_fifty_five_voided_none_twice()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, maxUsages: 5);
        var attempts = new List<Guid>();
        for (var i = 0; i < 60; i++)
            attempts.Add((await _harness.Payments.StartAsync(link.PublicId)).Value.Id);

        var outcomes = await AtOnce.RunAsync(attempts.Select(id => (Func<Task<Result<PaymentView>>>)(() => _harness.Payments.CompleteAsync(id))));
        await Worker.CarryOutDueAsync();
        await Worker.CarryOutDueAsync(); // a second round finds nothing more to do

        Assert.Equal(5, outcomes.Count(o => o.Value.Status == PaymentStatus.Completed));
        Assert.Equal(55, outcomes.Count(o => o.Value is { Status: PaymentStatus.Failed, FailureReason: RefusalCodes.LinkUsed, WasAuthorized: true }));
        await using var db = _harness.NewContext();
        var ledger = await db.SandboxBankEntries.ToListAsync();
        Assert.Equal((5, 55, 60), (ledger.Count(e => e.Action == RailAction.Capture), ledger.Count(e => e.Action == RailAction.Void), ledger.Count));
        Assert.Equal(60, ledger.Select(e => e.PaymentId).Distinct().Count()); // no payment both captured and voided, none twice
        var payments = await db.PaymentAttempts.Where(a => a.LinkId == link.Id).ToListAsync();
        Assert.All(payments.Where(p => p.Status == PaymentStatus.Completed), p => Assert.NotNull(p.CapturedAt));
        Assert.All(payments.Where(p => p.Status == PaymentStatus.Failed), p => Assert.NotNull(p.VoidedAt));
        Assert.All(await db.RailOperations.ToListAsync(), o => Assert.Equal((RailOperationStatus.Succeeded, 1), (o.Status, o.Attempts)));
    }

    [Fact]
    public async Task An_operation_carried_out_again_after_a_crash_moves_the_money_once()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, maxUsages: 5);
        var paid = (await _harness.Payments.CompleteAsync((await _harness.Payments.StartAsync(link.PublicId)).Value.Id)).Value;
        await Worker.CarryOutDueAsync();
        // As if the process died after the bank's answer and before recording it: the operation is due once more.
        await using (var db = _harness.NewContext())
            await db.RailOperations.ExecuteUpdateAsync(set => set
                .SetProperty(o => o.Status, RailOperationStatus.Pending).SetProperty(o => o.NextAttemptAt, _clock.GetUtcNow().AddSeconds(-1)));

        await Worker.CarryOutDueAsync();

        await using var after = _harness.NewContext();
        var entry = await after.SandboxBankEntries.SingleAsync();
        Assert.Equal((RailAction.Capture, paid.Id), (entry.Action, entry.PaymentId));
        Assert.Equal(RailOperationStatus.Succeeded, (await after.RailOperations.SingleAsync()).Status);
    }

    [Fact]
    public async Task Until_the_bank_confirms_a_capture_and_a_refund_are_retried_and_the_refund_stays_pending()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, maxUsages: 5);
        var paid = (await _harness.Payments.CompleteAsync((await _harness.Payments.StartAsync(link.PublicId)).Value.Id)).Value;
        var refunds = _harness.Services.GetRequiredService<RefundService>();
        var refund = (await refunds.RefundAsync(_merchant, paid.Id, 10m, RefundReason.Duplicate)).Value;
        // The bank is out: a stray void on its books makes it refuse the capture, and so the refund of an uncaptured payment.
        var outage = new SandboxBankEntry("outage", RailAction.Void, paid.Id, 0, _clock.GetUtcNow());
        await using (var db = _harness.NewContext())
        {
            db.SandboxBankEntries.Add(outage);
            await db.SaveChangesAsync();
        }

        await Worker.CarryOutDueAsync();
        var (pendingRefund, failedOperations) = (Assert.Single((await refunds.ListAsync(_merchant, paid.Id))!), await OperationsAsync());
        await using (var db = _harness.NewContext())
            await db.SandboxBankEntries.Where(e => e.Key == outage.Key).ExecuteDeleteAsync();
        _clock.Advance(TimeSpan.FromSeconds(2)); // past the first retry's delay
        await Worker.CarryOutDueAsync();

        Assert.Equal(RefundStatus.Pending, refund.Status);
        Assert.Equal(RefundStatus.Pending, pendingRefund.Status);
        Assert.All(failedOperations, o => Assert.Equal((RailOperationStatus.Pending, 1), (o.Status, o.Attempts)));
        Assert.Contains("voided", failedOperations.Single(o => o.Action == RailAction.Capture).LastError);
        Assert.Equal(RefundStatus.Succeeded, Assert.Single((await refunds.ListAsync(_merchant, paid.Id))!).Status);
        Assert.All(await OperationsAsync(), o => Assert.Equal((RailOperationStatus.Succeeded, 2), (o.Status, o.Attempts)));
        await using var after = _harness.NewContext();
        var ledger = await after.SandboxBankEntries.OrderBy(e => e.At).ToListAsync();
        Assert.Equal([(RailAction.Capture, 4990L), (RailAction.Refund, 1000L)], ledger.Select(e => (e.Action, e.AmountMinor)));
    }

    [Fact]
    public async Task Approve_later_stays_confirming_until_the_bank_answers_and_then_completes_once()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, maxUsages: 5);
        var started = (await _harness.Payments.StartAsync(link.PublicId)).Value;
        var confirmations = _harness.Services.GetServices<IHostedService>().OfType<SandboxConfirmations>().Single();

        var waiting = (await _harness.Payments.AwaitConfirmationAsync(started.Id)).Value;
        await confirmations.ConfirmDueAsync();
        var early = await _harness.Payments.FindAsync(started.Id);
        _clock.Advance(ApproveLaterDelay);
        // Two instances answering at once count it once.
        await AtOnce.RunAsync(Enumerable.Repeat<Func<Task<bool>>>(async () =>
        {
            await confirmations.ConfirmDueAsync();
            return true;
        }, 2));

        Assert.Equal((PaymentStatus.Pending, true), (waiting.Status, waiting.Confirming));
        Assert.Equal(PaymentStatus.Pending, early!.Status);
        Assert.Equal(PaymentStatus.Completed, (await _harness.Payments.FindAsync(started.Id))!.Status);
        Assert.Equal(1, (await _harness.Links.GetAsync(_merchant, link.Id)).Value.Usages);
    }

    private async Task<List<RailOperation>> OperationsAsync()
    {
        await using var db = _harness.NewContext();
        return await db.RailOperations.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }
}
