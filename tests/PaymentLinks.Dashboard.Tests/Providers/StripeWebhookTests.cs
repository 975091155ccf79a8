using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;
using Stripe;

namespace PaymentLinks.Dashboard.Tests.Providers;

/// <summary>Stripe's events at a merchant's webhook URL, and refunds both ways, against the protocol fake on either database.</summary>
public sealed class StripeWebhookTests : IAsyncLifetime
{
    private StripeShop _shop = default!;

    public async Task InitializeAsync() => _shop = await StripeShop.StartAsync(new() { ["Webhooks:PollInterval"] = "00:00:00.050" });
    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task An_event_with_a_forged_or_stale_signature_is_refused_with_400_and_changes_nothing()
    {
        var (live, account) = await _shop.LiveMerchantAsync("Careful Cameras");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        _shop.Stripe.SendsEventsOnPay = false;
        var shopper = _shop.Shopper();
        var (hostedPage, _) = await shopper.StartAsync(link.PublicId);
        shopper.AuthorizeAt(hostedPage!); // authorized at Stripe; the customer never comes back
        var session = _shop.Stripe.Session(StripeShopper.SessionIdOf(hostedPage!));

        using var forged = await _shop.Stripe.SendEventAsync(account, EventTypes.CheckoutSessionCompleted, session, signWith: "whsec_not_the_merchants");
        using var stale = await _shop.Stripe.SendEventAsync(account, EventTypes.CheckoutSessionCompleted, session, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.StatusCode, stale.StatusCode));
        await using var db = _shop.App.NewContext();
        Assert.Equal(PaymentStatus.Pending, (await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.LinkId == link.Id)).Status);
        Assert.Equal(0, (await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id)).Usages);
        Assert.False(await db.StripeEventReceipts.AnyAsync());

        using var genuine = await _shop.Stripe.SendEventAsync(account, EventTypes.CheckoutSessionCompleted, session);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(PaymentStatus.Completed, (await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.LinkId == link.Id)).Status);
    }

    [Fact]
    public async Task A_refund_made_in_stripes_dashboard_shows_on_the_payment_once_and_sends_payment_refunded()
    {
        var (live, account) = await _shop.LiveMerchantAsync("Refunding Rugs");
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhooks = _shop.App.Services.GetRequiredService<WebhookService>();
        await webhooks.AddEndpointAsync(live, receiver.Url);
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        var (paymentId, intent) = await _shop.PaidAsync(link);
        await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture at Stripe");

        var refund = await _shop.Stripe.RefundInDashboardAsync(account, intent, 1000);

        await using var db = _shop.App.NewContext();
        var payment = await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == paymentId);
        Assert.Equal((1000L, PaymentState.PartiallyRefunded), (payment.RefundedMinor, payment.State));
        var recorded = await db.Refunds.AsNoTracking().SingleAsync(r => r.PaymentId == paymentId);
        Assert.Equal((1000L, RefundStatus.Succeeded, refund.Id, true), (recorded.AmountMinor, recorded.Status, recorded.ProviderRefundId, recorded.MadeAtProvider));
        await receiver.WaitForAsync(r => r.Delivered.Any(d => d.EventType == "payment.refunded"));
        var announced = JsonDocument.Parse(receiver.Delivered.Single(d => d.EventType == "payment.refunded").Body).RootElement;
        Assert.Equal(paymentId, announced.GetProperty("data").GetProperty("payment").GetProperty("id").GetGuid());
        Assert.True(announced.GetProperty("livemode").GetBoolean());

        // Stripe sends events again; a refund it reported is counted once, and nothing is sent to Stripe for it.
        var again = await _shop.Stripe.RefundInDashboardAsync(account, intent, 500);
        Assert.Equal(1500L, (await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == paymentId)).RefundedMinor);
        Assert.Equal(2, await db.Refunds.CountAsync(r => r.PaymentId == paymentId));
        Assert.DoesNotContain(_shop.Stripe.Calls, c => c is { Method: "POST", Path: "/v1/refunds" });
        Assert.NotEqual(refund.Id, again.Id);
    }

    [Fact]
    public async Task A_refund_through_the_api_goes_to_stripe_once_with_its_key_and_is_pending_until_stripe_confirms()
    {
        var (live, account) = await _shop.LiveMerchantAsync("Api Refund Audio");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        var (paymentId, intent) = await _shop.PaidAsync(link);
        await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture at Stripe");
        var api = await _shop.App.ApiClientAsync(live);
        api.BaseAddress = _shop.Address;
        _shop.Stripe.FailNext(3); // Stripe is down for the first try: the refund waits, PENDING

        using var created = await api.PostAsJsonAsync($"/api/v1/payments/{paymentId}/refunds", new { amount = 12.5m });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>();
        var refundId = answer.GetProperty("id").GetGuid();
        Assert.Equal("PENDING", answer.GetProperty("status").GetString());

        var atStripe = await Poll.UntilFoundAsync(() => _shop.Stripe.Refunds.SingleOrDefault(), "the refund at Stripe");
        Assert.Equal((intent, 1250L, $"refund_{refundId:N}"), (atStripe.PaymentIntent, atStripe.Amount, atStripe.IdempotencyKey));
        await Poll.UntilAsync(async () =>
        {
            await using var db = _shop.App.NewContext();
            return (await db.Refunds.AsNoTracking().SingleAsync(r => r.Id == refundId)).Status == RefundStatus.Succeeded;
        }, "the refund confirmed");
        await using var done = _shop.App.NewContext();
        var stored = await done.Refunds.AsNoTracking().SingleAsync(r => r.Id == refundId);
        Assert.StartsWith("re_", stored.ProviderRefundId);
        Assert.False(stored.MadeAtProvider);

        // Stripe's refund.updated for our own refund confirms it again and counts nothing twice.
        var stripeRefund = new Stripe.Refund
        {
            Id = stored.ProviderRefundId, Object = "refund", Amount = 1250, Currency = "eur", PaymentIntentId = intent, Status = "succeeded",
            Metadata = new() { ["refund_id"] = refundId.ToString() },
        };
        using var updated = await _shop.Stripe.SendEventAsync(account, EventTypes.RefundUpdated, stripeRefund);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(1, await done.Refunds.CountAsync(r => r.PaymentId == paymentId));
        Assert.Equal(1250L, (await done.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == paymentId)).RefundedMinor);
        Assert.Single(_shop.Stripe.Refunds);
    }

    [Fact]
    public async Task A_refund_whose_answer_was_lost_and_retried_after_stripe_forgot_its_key_is_made_once()
    {
        var (live, _) = await _shop.LiveMerchantAsync("Lost Answers Lamps");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        var (paymentId, _) = await _shop.PaidAsync(link);
        await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture at Stripe");
        var refunds = _shop.App.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.RefundService>();
        _shop.Stripe.LoseNextAnswerTo("POST", "/v1/refunds"); // Stripe refunds, and the worker hears 500: it asks again
        Assert.True((await refunds.RefundAsync(live, paymentId, 10m, RefundReason.RequestedByCustomer)).IsSuccess);
        await Poll.UntilFoundAsync(() => _shop.Stripe.Refunds.SingleOrDefault(), "the refund made at Stripe");
        await Poll.UntilAsync(async () =>
        {
            await using var db = _shop.App.NewContext();
            return await db.Refunds.AnyAsync(r => r.PaymentId == paymentId && r.Status == RefundStatus.Succeeded);
        }, "the refund confirmed");

        // Whatever the worker is told later, and however late (Stripe's key long forgotten), the refund stays one.
        _shop.Stripe.ForgetIdempotencyKeys();
        await using (var db = _shop.App.NewContext())
        {
            var operation = await db.RailOperations.SingleAsync(o => o.PaymentId == paymentId && o.Action == RailAction.Refund);
            await db.RailOperations.Where(o => o.Id == operation.Id).ExecuteUpdateAsync(set => set
                .SetProperty(o => o.Status, RailOperationStatus.Pending).SetProperty(o => o.NextAttemptAt, DateTimeOffset.UtcNow));
        }
        await Poll.UntilAsync(async () =>
        {
            await using var db = _shop.App.NewContext();
            return await db.RailOperations.AnyAsync(o => o.PaymentId == paymentId && o.Action == RailAction.Refund && o.Status == RailOperationStatus.Succeeded);
        }, "the retried refund confirmed again");
        Assert.Single(_shop.Stripe.Refunds);
    }

    [Fact]
    public async Task A_session_the_customer_abandons_fails_the_payment_when_stripe_expires_it_and_unknown_events_are_acknowledged()
    {
        var (live, account) = await _shop.LiveMerchantAsync("Abandoned Carts");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        var (hostedPage, _) = await _shop.Shopper().StartAsync(link.PublicId);
        var session = _shop.Stripe.Session(StripeShopper.SessionIdOf(hostedPage!));
        session.Status = "expired"; // at its time, as Stripe expires a session nobody paid
        session.ExpiresAt = DateTime.UtcNow.AddSeconds(-1);

        using var expired = await _shop.Stripe.SendEventAsync(account, EventTypes.CheckoutSessionExpired, session);
        using var unknown = await _shop.Stripe.SendEventAsync(account, EventTypes.CustomerCreated, new Customer { Id = "cus_1", Object = "customer" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (expired.StatusCode, unknown.StatusCode));
        await using var db = _shop.App.NewContext();
        var payment = await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.LinkId == link.Id);
        Assert.Equal((PaymentStatus.Failed, "payment_abandoned"), (payment.Status, payment.FailureReason));
        Assert.False(await db.RailOperations.AnyAsync(o => o.PaymentId == payment.Id)); // nothing was authorized, nothing to cancel
    }
}
