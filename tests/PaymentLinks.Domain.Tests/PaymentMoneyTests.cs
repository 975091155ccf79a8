using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Domain.Tests;

/// <summary>What becomes of a payment's money: captured once completed, released once refused, refunded never beyond what was paid.</summary>
public sealed class PaymentMoneyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid MerchantId = Guid.NewGuid();

    private static PaymentAttempt Pending(decimal amount = 25.00m)
    {
        var link = PaymentLink.Create(MerchantId, livemode: false, Links.Settings() with { Amount = amount }, publish: true, Now, Links.Merchant).Value;
        return PaymentAttempt.Start(link, Order.From(link, new CheckoutAnswers()).Value, Now);
    }

    private static PaymentAttempt Completed(decimal amount = 25.00m)
    {
        var payment = Pending(amount);
        payment.Complete(Now);
        return payment;
    }

    [Fact]
    public void A_completed_payment_awaits_its_capture_a_refused_one_its_void_and_a_declined_one_neither()
    {
        var completed = Completed();
        var refused = Pending();
        refused.RefuseAuthorized(RefusalCodes.LinkUsed, Now);
        var declined = Pending();
        declined.Fail(RefusalCodes.InsufficientFunds, Now);

        Assert.Equal((true, false), (completed.AwaitsCapture, completed.AwaitsVoid));
        Assert.Equal((false, true), (refused.AwaitsCapture, refused.AwaitsVoid));
        Assert.Equal((false, false, null), (declined.AwaitsCapture, declined.AwaitsVoid, declined.AuthorizedAt));
        completed.Settled(Now.AddSeconds(1));
        refused.Settled(Now.AddSeconds(2));
        completed.Settled(Now.AddSeconds(3)); // a retried confirmation
        Assert.Equal((Now.AddSeconds(1), (DateTimeOffset?)null), (completed.CapturedAt, completed.VoidedAt));
        Assert.Equal(((DateTimeOffset?)null, Now.AddSeconds(2)), (refused.CapturedAt, refused.VoidedAt));
    }

    [Fact]
    public void Refunds_add_up_to_what_was_paid_and_no_further_and_the_payment_shows_each_step()
    {
        var payment = Completed(25.00m);

        var first = payment.Refund(MerchantId, 1000, RefundReason.RequestedByCustomer, Now, Links.Merchant);
        var state = payment.State;
        var tooMuch = payment.Refund(MerchantId, 1501, RefundReason.RequestedByCustomer, Now, Links.Merchant);
        var rest = payment.Refund(MerchantId, null, RefundReason.Other, Now, Links.Merchant);
        var more = payment.Refund(MerchantId, 1, RefundReason.Other, Now, Links.Merchant);

        Assert.Equal((10.00m, PaymentState.PartiallyRefunded), (first.Value.Amount, state));
        Assert.Equal((RefundFields.Amount, "At most 15.00 EUR remains to refund."), (tooMuch.Refusal!.Fields[0].Field, tooMuch.Refusal.Fields[0].Message));
        Assert.Equal((15.00m, RefundReason.Other, RefundStatus.Pending), (rest.Value.Amount, rest.Value.Reason, rest.Value.Status));
        Assert.Equal(RefusalCodes.InvalidTransition, more.Refusal!.Code);
        Assert.Equal((2500L, PaymentState.Refunded, PaymentStatus.Completed), (payment.RefundedMinor, payment.State, payment.Status));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    public void A_refund_of_nothing_or_less_is_refused_by_its_amount(long amountMinor)
    {
        var payment = Completed();

        var refund = payment.Refund(MerchantId, amountMinor, RefundReason.Other, Now, Links.Merchant);

        Assert.Equal(RefundFields.Amount, refund.Refusal!.Fields[0].Field);
        Assert.Equal(0, payment.RefundedMinor);
    }

    [Fact]
    public void Only_a_completed_payment_can_be_refunded()
    {
        var pending = Pending();
        var declined = Pending();
        declined.Fail(RefusalCodes.PaymentDeclined, Now);

        Assert.Equal(RefusalCodes.InvalidTransition, pending.Refund(MerchantId, null, RefundReason.Other, Now, Links.Merchant).Refusal!.Code);
        Assert.Equal(RefusalCodes.InvalidTransition, declined.Refund(MerchantId, null, RefundReason.Other, Now, Links.Merchant).Refusal!.Code);
    }

    [Fact]
    public void A_payment_awaiting_the_banks_confirmation_stays_pending_until_it_completes()
    {
        var payment = Pending();

        payment.AwaitConfirmation(Now);

        Assert.Equal((PaymentStatus.Pending, PaymentState.Pending, Now), (payment.Status, payment.State, payment.ConfirmationRequestedAt));
        payment.Complete(Now.AddSeconds(5));
        Assert.Equal((PaymentState.Completed, Now.AddSeconds(5)), (payment.State, payment.AuthorizedAt));
    }

    [Theory]
    [InlineData("requested_by_customer", RefundReason.RequestedByCustomer)]
    [InlineData("duplicate", RefundReason.Duplicate)]
    [InlineData("fraudulent", RefundReason.Fraudulent)]
    [InlineData("other", RefundReason.Other)]
    public void Each_refund_reason_reads_back_from_its_name(string name, RefundReason reason)
    {
        Assert.True(RefundReasons.TryParse(name, out var parsed));
        Assert.Equal((reason, name), (parsed, RefundReasons.NameOf(parsed)));
    }

    [Theory]
    [InlineData("Duplicate")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1")]
    public void Anything_else_is_no_refund_reason(string? name) => Assert.False(RefundReasons.TryParse(name, out _));
}
