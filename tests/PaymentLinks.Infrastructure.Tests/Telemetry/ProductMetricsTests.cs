using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Telemetry;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Telemetry;

/// <summary>
/// The product's payment counters over the real services and database: each finished payment is counted once, a
/// refused one under its refusal code, and only once the transaction that finished it has committed.
/// </summary>
public sealed class ProductMetricsTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();
    private MetricCollector<long> _completed = default!;
    private MetricCollector<long> _refused = default!;

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        // Collectors over this harness's own meter factory: other tests' payments, in parallel, are not seen.
        var meters = _harness.Services.GetRequiredService<IMeterFactory>();
        _completed = new MetricCollector<long>(meters, ProductMetrics.MeterName, "paymentlinks.payments.completed");
        _refused = new MetricCollector<long>(meters, ProductMetrics.MeterName, "paymentlinks.payments.refused");
    }

    public async Task DisposeAsync()
    {
        _completed.Dispose();
        _refused.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Refused_payments_are_counted_by_their_reason_and_completed_ones_once_each()
    {
        var merchant = await _harness.NewMerchantAsync();
        var lastSeat = await _harness.ActiveLinkAsync(merchant, maxUsages: 1);
        var first = (await _harness.Payments.StartAsync(lastSeat.PublicId)).Value;
        var second = (await _harness.Payments.StartAsync(lastSeat.PublicId)).Value;
        await _harness.Payments.CompleteAsync(first.Id);
        await _harness.Payments.CompleteAsync(second.Id); // the bank approved, the used-up link refuses
        await _harness.Payments.CompleteAsync(first.Id); // the bank's answer again: already finished, nothing new
        var declined = (await _harness.Payments.StartAsync((await _harness.ActiveLinkAsync(merchant)).PublicId)).Value;
        await _harness.Payments.FailAsync(declined.Id, RefusalCodes.InsufficientFunds);

        var completed = Assert.Single(_completed.GetMeasurementSnapshot());
        Assert.Equal((1, "test"), (completed.Value, completed.Tags["mode"]));
        Assert.Equal(
            [$"{RefusalCodes.InsufficientFunds} test 1", $"{RefusalCodes.LinkUsed} test 1"],
            _refused.GetMeasurementSnapshot().Select(m => $"{m.Tags["reason"]} {m.Tags["mode"]} {m.Value}").Order());
    }

    [Fact]
    public async Task A_payment_whose_transaction_rolls_back_is_not_counted_and_is_counted_once_it_commits()
    {
        var merchant = await _harness.NewMerchantAsync();
        var link = await _harness.ActiveLinkAsync(merchant);
        var payment = (await _harness.Payments.StartAsync(link.PublicId)).Value;

        await using (var db = _harness.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var now = _harness.Clock.GetUtcNow();
            var stored = await db.PaymentLinks.FirstAsync(l => l.Id == link.Id);
            Assert.True(stored.CompletePayment(now, Actor.Payment(payment.Id)).IsSuccess);
            (await db.PaymentAttempts.FirstAsync(a => a.Id == payment.Id)).Complete(now);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(PaymentStatus.Pending, (await _harness.Payments.FindAsync(payment.Id))!.Status); // the rollback was real
        Assert.Empty(_completed.GetMeasurementSnapshot());

        await _harness.Payments.CompleteAsync(payment.Id);
        Assert.Equal(1, Assert.Single(_completed.GetMeasurementSnapshot()).Value);
    }
}
