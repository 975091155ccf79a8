using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Payments.Providers;
using PaymentLinks.Infrastructure.Payments.Rails;
using PaymentLinks.Tests.Shared;
using Stripe;
using Stripe.Checkout;

namespace PaymentLinks.Dashboard.Tests.Providers;

/// <summary>
/// The journeys of the fake's tests against Stripe's real test mode (opt-in, <see cref="RealStripeFactAttribute"/>):
/// the key check, a Checkout Session made from a customer's order, its expiry when the link stops taking payments, and
/// capture and refund of a real PaymentIntent held with manual capture. Stripe's hosted page and its events need a
/// person and a public URL; those parts are the fake's.
/// </summary>
public sealed class RealStripeTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(new() { ["Rails:RetryBaseDelay"] = "00:00:01" });
    private MerchantCaller _merchant = default!;

    private StripeConnections Connections => _app.Services.GetRequiredService<StripeConnections>();

    public async Task InitializeAsync()
    {
        if (RealStripeFactAttribute.SecretKey is not { } key)
            return;
        _merchant = await _app.NewMerchantAsync("Real Stripe Tests"); // test mode, with Stripe's test key
        var connected = await Connections.ConnectAsync(_merchant, key);
        Assert.True(connected.IsSuccess, connected.Refusal?.Fields.FirstOrDefault()?.Message);
        await Connections.SetWebhookSecretAsync(_merchant, Environment.GetEnvironmentVariable("STRIPE_TEST_WEBHOOK_SECRET") ?? "whsec_unused_here");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [RealStripeFact]
    public async Task The_key_check_names_the_account_and_a_wrong_key_is_refused()
    {
        Assert.StartsWith("acct_", (await Connections.FindAsync(_merchant))!.AccountId);
        var wrong = await Connections.ConnectAsync(_merchant with { MerchantId = (await _app.NewMerchantAsync("Wrong key")).MerchantId }, "sk_test_" + new string('x', 99));
        Assert.Contains("Stripe did not accept this key", wrong.Refusal!.Fields.Single().Message);
    }

    [RealStripeFact]
    public async Task A_customers_order_becomes_a_manual_capture_session_and_disabling_the_link_expires_it_at_stripe()
    {
        var link = (await _app.Links.CreateAsync(_merchant, new LinkSettings { Title = "Real session", Amount = 7.5m, Currency = "EUR", MaxQuantity = 3 }, publish: true)).Value;
        var customer = new CheckoutCustomer(_app);

        var answer = await customer.PostPayFormAsync(link.PublicId, new() { ["quantity"] = "2" });

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.StartsWith("https://checkout.stripe.com/", answer.Headers.Location!.ToString());
        await using var db = _app.NewContext();
        var payment = await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.LinkId == link.Id);
        var sessions = new SessionService(new StripeClient(RealStripeFactAttribute.SecretKey));
        var session = await sessions.GetAsync(payment.ProviderSessionId, new SessionGetOptions { Expand = ["line_items"] });
        Assert.Equal(("open", 1500L, "eur", payment.Id.ToString()), (session.Status, session.AmountTotal, session.Currency, session.ClientReferenceId));
        Assert.Equal(2, session.LineItems.Data.Single().Quantity);

        await _app.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Disable);
        await _app.Services.GetRequiredService<StripeReconciliation>().ReconcileAsync();

        Assert.Equal("expired", (await sessions.GetAsync(session.Id)).Status);
        Assert.Equal(PaymentStatus.Failed, (await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == payment.Id)).Status);
    }

    [RealStripeFact]
    public async Task A_held_payment_intent_is_captured_once_by_the_rail_and_then_refunded()
    {
        var link = (await _app.Links.CreateAsync(_merchant, new LinkSettings { Title = "Real capture", Amount = 12m, Currency = "EUR" }, publish: true)).Value;
        var payments = _app.Services.GetRequiredService<PaymentService>();
        var started = (await payments.StartAsync(link.PublicId)).Value;
        // What Stripe's hosted page does when a customer pays with a test card: a PaymentIntent held for capture.
        var intent = await new PaymentIntentService(new StripeClient(RealStripeFactAttribute.SecretKey)).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 1200, Currency = "eur", CaptureMethod = "manual", PaymentMethod = "pm_card_visa", Confirm = true,
            AutomaticPaymentMethods = new() { Enabled = true, AllowRedirects = "never" }, Metadata = new() { ["payment_id"] = started.Id.ToString() },
        });
        Assert.True(await payments.SentToProviderAsync(started.Id, PaymentProvider.Stripe, "cs_test_none"));
        Assert.True((await payments.CompleteAtProviderAsync(started.Id, intent.Id, intent.Amount)).IsSuccess);

        await Poll.UntilAsync(async () =>
        {
            await using var db = _app.NewContext();
            return await db.RailOperations.AnyAsync(o => o.PaymentId == started.Id && o.Status == RailOperationStatus.Succeeded);
        }, "the capture confirmed by Stripe", seconds: 60);
        var captured = await new PaymentIntentService(new StripeClient(RealStripeFactAttribute.SecretKey)).GetAsync(intent.Id);
        Assert.Equal(("succeeded", 1200L), (captured.Status, captured.AmountReceived));

        var refund = await _app.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.RefundService>().RefundAsync(_merchant, started.Id, 5m, RefundReason.RequestedByCustomer);
        Assert.True(refund.IsSuccess);
        await Poll.UntilAsync(async () =>
        {
            await using var db = _app.NewContext();
            return (await db.Refunds.AsNoTracking().SingleAsync(r => r.PaymentId == started.Id)).ProviderRefundId?.StartsWith("re_") == true;
        }, "the refund taken by Stripe", seconds: 60);
    }
}
