using System.Net;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Providers;

/// <summary>Live payments through Stripe's hosted Checkout (the protocol fake), over real sockets, on either database.</summary>
public sealed class StripeCheckoutTests : IAsyncLifetime
{
    private StripeShop _shop = default!;

    public async Task InitializeAsync() => _shop = await StripeShop.StartAsync();
    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_customer_pays_two_units_on_stripes_page_and_the_authorization_is_captured_once_for_both()
    {
        var (live, account) = await _shop.LiveMerchantAsync("Live Records");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5, maxQuantity: 5);
        var shopper = _shop.Shopper();

        var (hostedPage, _) = await shopper.StartAsync(link.PublicId, new() { ["quantity"] = "2" });
        Assert.NotNull(hostedPage);
        var session = _shop.Stripe.Session(StripeShopper.SessionIdOf(hostedPage));
        Assert.Equal((6000L, "eur", "open"), (session.AmountTotal, session.Currency, session.Status));
        var receipt = await shopper.ReturnAsync(shopper.AuthorizeAt(hostedPage));

        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Contains("Payment received", receipt.Html);
        var capture = await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture at Stripe");
        Assert.Equal(6000L, capture.Amount);
        Assert.Equal(_shop.Stripe.Session(session.Id).PaymentIntentId, capture.PaymentIntent);
        await _shop.Stripe.EventsSentAsync(); // the webhook's completion, after the return's, changes nothing
        await using var db = _shop.App.NewContext();
        var payment = await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.LinkId == link.Id);
        Assert.Equal((PaymentStatus.Completed, 2, 6000L, PaymentProvider.Stripe), (payment.Status, payment.Quantity, payment.AmountMinor, payment.Provider));
        Assert.Equal(1, (await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id)).Usages);
        Assert.Single(_shop.Stripe.Captures);
        Assert.Equal("manual", _shop.Stripe.Intent(account, capture.PaymentIntent).CaptureMethod);
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9", "de")]
    [InlineData("pt-PT", "pt")]
    [InlineData("zh-TW", "zh-TW")]
    [InlineData("he-IL", "auto")] // a language Stripe's page lacks: the browser's own, as Stripe reads it
    public async Task Stripes_page_goes_on_in_the_language_the_customer_paid_in(string acceptLanguage, string stripeLocale)
    {
        var (live, _) = await _shop.LiveMerchantAsync($"Polyglot {stripeLocale}");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);

        var (hostedPage, _) = await _shop.Shopper(acceptLanguage).StartAsync(link.PublicId);

        Assert.Equal(stripeLocale, _shop.Stripe.Session(StripeShopper.SessionIdOf(hostedPage!)).Locale);
    }

    [Fact]
    public async Task Thirty_customers_authorized_at_stripe_on_a_live_link_of_three_are_three_captures_and_twenty_seven_cancels()
    {
        var (live, account) = await _shop.LiveMerchantAsync("Busy Live Box Office");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 3);
        _shop.Stripe.SendsEventsOnPay = false; // every one of them holds Stripe's authorization before any is counted
        var authorized = new List<(StripeShopper Shopper, string SessionId, string SuccessUrl)>();
        for (var i = 0; i < 30; i++)
        {
            var shopper = _shop.Shopper();
            var (hostedPage, answer) = await shopper.StartAsync(link.PublicId);
            Assert.True(hostedPage is not null, $"customer {i} was not sent to Stripe ({(int)answer.StatusCode})");
            authorized.Add((shopper, StripeShopper.SessionIdOf(hostedPage), shopper.AuthorizeAt(hostedPage)));
        }

        // Each authorization arrives twice at once, by the customer's return and by Stripe's event.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var returns = authorized.Select(c => Task.Run(async () =>
        {
            await gate.Task;
            return await c.Shopper.ReturnAsync(c.SuccessUrl);
        })).ToList();
        var events = authorized.Select(c => Task.Run(async () =>
        {
            await gate.Task;
            using var answer = await _shop.Stripe.SendEventAsync(account, Stripe.EventTypes.CheckoutSessionCompleted, _shop.Stripe.Session(c.SessionId));
            return answer.StatusCode;
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(returns);
        Assert.All(await Task.WhenAll(events), status => Assert.Equal(HttpStatusCode.OK, status));

        Assert.Equal(3, outcomes.Count(o => o.Status == HttpStatusCode.OK && o.Html.Contains("Payment received")));
        Assert.Equal(27, outcomes.Count(o => o.Status == HttpStatusCode.Gone && o.Html.Contains("You have not been charged")));
        await Poll.UntilAsync(async () =>
        {
            await using var db = _shop.App.NewContext();
            return await db.RailOperations.CountAsync(o => o.Status == RailOperationStatus.Succeeded) == 30;
        }, "every capture and cancel confirmed by Stripe");
        Assert.Equal(3, _shop.Stripe.Captures.Count());
        Assert.Equal(27, _shop.Stripe.Cancels.Count());
        Assert.Equal(30, _shop.Stripe.Movements.Select(m => m.PaymentIntent).Distinct().Count()); // none captured twice, none both
        await using var done = _shop.App.NewContext();
        var stored = await done.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
        Assert.Equal((3, LinkStatus.Used), (stored.Usages, stored.Status));
    }

    [Fact]
    public async Task Stripe_answering_503_to_the_capture_is_asked_again_and_captures_once()
    {
        var (live, _) = await _shop.LiveMerchantAsync("Flaky Day Shop");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        var shopper = _shop.Shopper();
        var (hostedPage, _) = await shopper.StartAsync(link.PublicId);
        _shop.Stripe.SendsEventsOnPay = false;
        var successUrl = shopper.AuthorizeAt(hostedPage!);
        // The return's session check passes; then the capture meets 503s (more than the SDK's own retries), then 200.
        // Set up before the return: the capture is due as soon as the return is saved.
        var callsBefore = _shop.Stripe.Calls.Count;
        _shop.Stripe.FailNext(4, pathEnding: "/capture");
        var receipt = await shopper.ReturnAsync(successUrl);
        Assert.Contains("Payment received", receipt.Html);

        var capture = await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture at Stripe");
        Assert.Equal(3000L, capture.Amount);
        var captureCalls = _shop.Stripe.Calls.Skip(callsBefore).Where(c => c.Path.EndsWith("/capture")).ToList();
        Assert.Contains(captureCalls, c => c.Status == 503);
        var paymentId = await FirstPaymentAsync(link.Id);
        Assert.All(captureCalls, c => Assert.Equal($"capture_{paymentId:N}", c.IdempotencyKey));
        Assert.Single(_shop.Stripe.Captures);
    }

    [Fact]
    public async Task A_changed_order_expires_the_first_session_at_stripe_so_only_the_new_amount_can_be_paid()
    {
        var (live, _) = await _shop.LiveMerchantAsync("Second Thoughts Shop");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5, maxQuantity: 5);
        var shopper = _shop.Shopper();
        var (first, _) = await shopper.StartAsync(link.PublicId, new() { ["quantity"] = "1" });
        var (again, _) = await shopper.StartAsync(link.PublicId, new() { ["quantity"] = "1" }); // the same form sent twice

        var (changed, _) = await shopper.StartAsync(link.PublicId, new() { ["quantity"] = "3" }); // back, three instead

        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
        Assert.Equal("expired", _shop.Stripe.Session(StripeShopper.SessionIdOf(first!)).Status);
        Assert.Null(_shop.Stripe.Pay(StripeShopper.SessionIdOf(first!))); // the old page can no longer be paid
        var receipt = await shopper.ReturnAsync(shopper.AuthorizeAt(changed!));
        Assert.Contains("Payment received", receipt.Html);
        var capture = await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture at Stripe");
        Assert.Equal(9000L, capture.Amount);
        Assert.Equal(2, _shop.Stripe.Calls.Count(c => c is { Method: "POST", Path: "/v1/checkout/sessions" }));
    }

    [Fact]
    public async Task A_customer_who_paid_in_another_tab_and_sends_the_form_again_is_shown_the_receipt_not_a_second_session()
    {
        var (live, _) = await _shop.LiveMerchantAsync("Two Tabs Shop");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        _shop.Stripe.SendsEventsOnPay = false;
        var shopper = _shop.Shopper();
        var (hostedPage, _) = await shopper.StartAsync(link.PublicId);
        shopper.AuthorizeAt(hostedPage!); // paid on Stripe's page in one tab; the event and the return have not arrived

        var (secondPage, answer) = await shopper.StartAsync(link.PublicId); // the pay form sent again from the other tab

        Assert.Null(secondPage);
        Assert.Matches($"^/pay/{link.PublicId}/payments/", answer.Headers.Location!.ToString());
        Assert.Single(_shop.Stripe.Calls, c => c is { Method: "POST", Path: "/v1/checkout/sessions" });
        var capture = await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture at Stripe");
        Assert.Equal(3000L, capture.Amount);
    }

    private async Task<Guid> FirstPaymentAsync(Guid linkId)
    {
        await using var db = _shop.App.NewContext();
        return await db.PaymentAttempts.Where(a => a.LinkId == linkId).Select(a => a.Id).SingleAsync();
    }
}
