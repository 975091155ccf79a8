using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>Refunds over the real database: never beyond what was paid, however many at once, and only of one's own payments.</summary>
public sealed class RefundTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();
    private MerchantCaller _merchant = default!;

    private RefundService Refunds => _harness.Services.GetRequiredService<RefundService>();

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _merchant = await _harness.NewMerchantAsync("Refund Rackets");
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Two_refunds_racing_for_the_last_amount_one_succeeds_and_the_other_finds_nothing_left()
    {
        for (var round = 0; round < 5; round++)
        {
            var paid = await PaidAsync();
            await Refunds.RefundAsync(_merchant, paid.Id, paid.Amount - 15m, RefundReason.RequestedByCustomer);

            var outcomes = await AtOnce.RunAsync(Enumerable.Repeat<Func<Task<Result<RefundView>>>>(
                () => Refunds.RefundAsync(_merchant, paid.Id, 15m, RefundReason.RequestedByCustomer), 2));

            Assert.Single(outcomes, o => o.IsSuccess);
            Assert.Equal(RefusalCodes.InvalidTransition, Assert.Single(outcomes, o => !o.IsSuccess).Refusal!.Code);
            await using var db = _harness.NewContext();
            Assert.Equal(paid.Amount, (await db.Refunds.Where(r => r.PaymentId == paid.Id).ToListAsync()).Sum(r => r.Amount));
            Assert.Equal(PaymentState.Refunded, (await db.PaymentAttempts.SingleAsync(a => a.Id == paid.Id)).State);
        }
    }

    [Fact]
    public async Task A_refund_writes_its_rail_operation_and_its_webhook_event_and_leaves_usage_alone()
    {
        var paid = await PaidAsync();

        var refund = (await Refunds.RefundAsync(_merchant, paid.Id, 10m, RefundReason.Fraudulent)).Value;

        await using var db = _harness.NewContext();
        var operation = await db.RailOperations.SingleAsync(o => o.RefundId == refund.Id);
        Assert.Equal(($"refund_{refund.Id:N}", 1000L), (operation.IdempotencyKey, operation.AmountMinor));
        var refunded = await db.WebhookEvents.SingleAsync(e => e.Type == WebhookEventNames.PaymentRefunded);
        Assert.Contains("\"amount_refunded\":10.00", refunded.Payload);
        Assert.Contains("\"status\":\"PARTIALLY_REFUNDED\"", refunded.Payload);
        Assert.Contains("\"reason\":\"fraudulent\"", refunded.Payload);
        Assert.Equal(1, (await db.PaymentLinks.SingleAsync(l => l.Id == paid.LinkId)).Usages);
    }

    [Fact]
    public async Task Bad_amounts_and_payments_that_cannot_be_refunded_are_refused_and_nothing_is_written()
    {
        var paid = await PaidAsync();
        var pending = (await _harness.Payments.StartAsync((await _harness.ActiveLinkAsync(_merchant)).PublicId)).Value;
        var stranger = await _harness.NewMerchantAsync("Stranger");

        Assert.Equal(RefundFields.Amount, (await Refunds.RefundAsync(_merchant, paid.Id, 0m, RefundReason.Other)).Refusal!.Fields[0].Field);
        Assert.Equal(RefundFields.Amount, (await Refunds.RefundAsync(_merchant, paid.Id, -5m, RefundReason.Other)).Refusal!.Fields[0].Field);
        Assert.Contains("remains", (await Refunds.RefundAsync(_merchant, paid.Id, paid.Amount + 0.01m, RefundReason.Other)).Refusal!.Message);
        Assert.Contains("decimals", (await Refunds.RefundAsync(_merchant, paid.Id, 1.005m, RefundReason.Other)).Refusal!.Message);
        Assert.Equal(RefundFields.Amount, (await Refunds.RefundAsync(_merchant, paid.Id, decimal.MaxValue, RefundReason.Other)).Refusal!.Fields[0].Field);
        Assert.Equal(RefusalCodes.InvalidTransition, (await Refunds.RefundAsync(_merchant, pending.Id, null, RefundReason.Other)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await Refunds.RefundAsync(stranger, paid.Id, null, RefundReason.Other)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await Refunds.RefundAsync(_merchant with { Livemode = true }, paid.Id, null, RefundReason.Other)).Refusal!.Code);
        Assert.Null(await Refunds.ListAsync(stranger, paid.Id));
        await using var db = _harness.NewContext();
        Assert.False(await db.Refunds.AnyAsync());
        Assert.Equal(0, (await db.PaymentAttempts.SingleAsync(a => a.Id == paid.Id)).RefundedMinor);
    }

    private async Task<PaymentView> PaidAsync()
    {
        var link = await _harness.ActiveLinkAsync(_merchant);
        return (await _harness.Payments.CompleteAsync((await _harness.Payments.StartAsync(link.PublicId)).Value.Id)).Value;
    }
}
