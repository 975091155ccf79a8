using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Payments.Providers;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Providers;

/// <summary>Connecting Stripe, what a refused key does, Stripe not answering a customer, and reconciliation, against the protocol fake.</summary>
public sealed class StripeConnectionTests : IAsyncLifetime
{
    private StripeShop _shop = default!;

    private StripeConnections Connections => _shop.App.Services.GetRequiredService<StripeConnections>();

    public async Task InitializeAsync() => _shop = await StripeShop.StartAsync(new() { ["Stripe:MaxNetworkRetries"] = "0" });
    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_key_is_checked_with_stripe_before_anything_is_stored_and_each_refusal_says_why_by_its_field()
    {
        var live = await _shop.App.NewMerchantAsync("Key Checkers") with { Livemode = true };
        _shop.Stripe.AddAccount("sk_live_good", "Key Checkers Ltd");
        _shop.Stripe.AddAccount("rk_live_narrow", canReadAccount: false);

        Assert.Contains("live secret key", await RefusalAsync(live, "sk_test_wrong_mode"));
        Assert.Contains("mistyped, or it was revoked", await RefusalAsync(live, "sk_live_unknown"));
        Assert.Contains("restricted key may not read the account", await RefusalAsync(live, "rk_live_narrow"));
        _shop.Stripe.FailNext(1);
        Assert.Contains("Stripe is not answering", await RefusalAsync(live, "sk_live_good"));
        Assert.Null(await Connections.FindAsync(live));

        var connected = (await Connections.ConnectAsync(live, " sk_live_good ")).Value;
        Assert.Equal("Key Checkers Ltd", connected.AccountName);
        Assert.StartsWith("acct_", connected.AccountId);
        Assert.False(connected.ReceivesEvents);
        // Not taking live payments until Stripe's events can be verified.
        Assert.False(await Connections.IsConnectedAsync(live.MerchantId, livemode: true));
        Assert.Contains("signing secret", (await Connections.SetWebhookSecretAsync(live, "not-a-secret")).Refusal!.Fields.Single().Message);
        Assert.True((await Connections.SetWebhookSecretAsync(live, "whsec_abc")).Value.ReceivesEvents);
        Assert.True(await Connections.IsConnectedAsync(live.MerchantId, livemode: true));
        Assert.False(await Connections.IsConnectedAsync(live.MerchantId, livemode: false));

        await using var db = _shop.App.NewContext();
        var stored = await db.StripeConnections.AsNoTracking().SingleAsync(c => c.MerchantId == live.MerchantId);
        Assert.DoesNotContain("sk_live_good", stored.ProtectedSecretKey); // kept encrypted
        Assert.DoesNotContain("whsec_abc", stored.ProtectedWebhookSecret);

        _shop.Stripe.AddAccount("sk_live_elsewhere", "Another Business");
        Assert.Contains("belongs to another Stripe account", await RefusalAsync(live, "sk_live_elsewhere"));
        Assert.Equal(connected.AccountId, (await Connections.FindAsync(live))!.AccountId);

        Assert.True(await Connections.DisconnectAsync(live));
        Assert.Null(await Connections.FindAsync(live));
        var draft = (await _shop.App.Links.CreateAsync(live, new LinkSettings { Title = "After disconnecting", Amount = 5m, Currency = "EUR" }, publish: true));
        Assert.Equal(RefusalCodes.InvalidTransition, draft.Refusal!.Code);
    }

    [Fact]
    public async Task A_key_revoked_while_links_are_live_stops_publishing_and_the_capture_waits_for_a_new_key()
    {
        var (live, account) = await _shop.LiveMerchantAsync("Revoked Rackets");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        var (hostedPage, _) = await _shop.Shopper().StartAsync(link.PublicId);
        _shop.Stripe.RevokeKeys(account);
        _shop.Stripe.Pay(StripeShopper.SessionIdOf(hostedPage!));
        await _shop.Stripe.EventsSentAsync(); // the signed event still completes the payment; its capture meets the revoked key

        await Poll.UntilAsync(async () => (await Connections.FindAsync(live))?.KeyProblem is not null, "the key marked refused");
        Assert.Contains("Stripe refused the key", (await Connections.FindAsync(live))!.KeyProblem);
        var another = await _shop.App.Links.CreateAsync(live, new LinkSettings { Title = "Second", Amount = 5m, Currency = "EUR" }, publish: true);
        Assert.Equal(LiveProviders.NotConnectedMessage, another.Refusal!.Message);
        Assert.Empty(_shop.Stripe.Captures);

        _shop.Stripe.AddKey(account, "sk_live_rolled"); // the merchant rolls the key in Stripe and pastes the new one
        Assert.True((await Connections.ConnectAsync(live, "sk_live_rolled")).IsSuccess);
        Assert.Null((await Connections.FindAsync(live))!.KeyProblem);
        var capture = await Poll.UntilFoundAsync(() => _shop.Stripe.Captures.SingleOrDefault(), "the capture made with the new key");
        Assert.Equal(3000L, capture.Amount);
        Assert.True((await _shop.App.Links.CreateAsync(live, new LinkSettings { Title = "Third", Amount = 5m, Currency = "EUR" }, publish: true)).IsSuccess);
    }

    [Fact]
    public async Task When_stripe_does_not_answer_the_customer_is_told_to_try_again_and_nothing_is_charged()
    {
        var (live, _) = await _shop.LiveMerchantAsync("Quiet Stripe Day");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        _shop.Stripe.FailNext(1);

        var (hostedPage, answer) = await _shop.Shopper().StartAsync(link.PublicId);

        Assert.Null(hostedPage);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("The payment provider is not answering", page);
        Assert.Contains("Nothing was charged", page);
        Assert.Contains($"href=\"/pay/{link.PublicId}\"", page);
        Assert.Empty(_shop.Stripe.Movements);
    }

    [Fact]
    public async Task Reconciliation_expires_the_open_sessions_of_a_disabled_link_and_cancels_an_authorization_nobody_reported()
    {
        var (live, _) = await _shop.LiveMerchantAsync("Reconciled Rooms");
        var link = await _shop.LiveLinkAsync(live, maxUsages: 5);
        _shop.Stripe.SendsEventsOnPay = false;
        var (stillOpen, _) = await _shop.Shopper().StartAsync(link.PublicId);
        var (authorized, _) = await _shop.Shopper().StartAsync(link.PublicId);
        _shop.Stripe.Pay(StripeShopper.SessionIdOf(authorized!)); // the customer closed the tab on Stripe's success page
        Assert.True((await _shop.App.Links.ApplyAsync(live, link.Id, LinkTrigger.Disable)).IsSuccess);

        await _shop.App.Services.GetRequiredService<StripeReconciliation>().ReconcileAsync();

        Assert.Equal("expired", _shop.Stripe.Session(StripeShopper.SessionIdOf(stillOpen!)).Status);
        var cancel = await Poll.UntilFoundAsync(() => _shop.Stripe.Cancels.SingleOrDefault(), "the held authorization cancelled");
        Assert.Equal(_shop.Stripe.Session(StripeShopper.SessionIdOf(authorized!)).PaymentIntentId, cancel.PaymentIntent);
        await using var db = _shop.App.NewContext();
        var payments = await db.PaymentAttempts.AsNoTracking().Where(a => a.LinkId == link.Id).ToListAsync();
        Assert.All(payments, p => Assert.Equal((PaymentStatus.Failed, RefusalCodes.LinkDisabled), (p.Status, p.FailureReason)));
        Assert.Empty(_shop.Stripe.Captures);
    }

    private async Task<string> RefusalAsync(MerchantCaller caller, string key) =>
        (await Connections.ConnectAsync(caller, key)).Refusal!.Fields.Single(f => f.Field == StripeConnectFields.SecretKey).Message;
}
