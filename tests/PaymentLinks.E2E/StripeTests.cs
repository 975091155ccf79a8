using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Live mode through Stripe, in Chromium: connecting it on the Payment provider page, and a customer paying on Stripe's hosted page (the protocol fake's).</summary>
[Collection(AppCollection.Name)]
public sealed class StripeTests(AppFixture app)
{
    [Fact]
    public async Task A_merchant_connects_stripe_and_a_customer_pays_two_units_on_stripes_page_and_the_payment_shows_live()
    {
        var session = await DashboardSession.StartAsync(app, "Live Lanterns");
        var page = session.Page;
        var key = "sk_live_" + Guid.NewGuid().ToString("N");
        var account = app.Stripe.AddAccount(key, "Live Lanterns GmbH");
        await session.OpenAsync("settings/payments");
        await page.GetByLabel("Test mode").ClickAsync();
        var stripe = page.GetByRole(AriaRole.Region, new() { Name = "Stripe" });
        await Expect(stripe.GetByRole(AriaRole.Heading, new() { Name = "Live mode: Stripe" })).ToBeVisibleAsync(); // the page reloaded in live mode
        await Expect(stripe).ToContainTextAsync("Not connected");

        await stripe.GetByLabel("Secret key").FillAsync("sk_live_mistyped");
        await stripe.GetByRole(AriaRole.Button, new() { Name = "Connect Stripe" }).ClickAsync();
        await Expect(session.Field("stripe-secret-key")).ToContainTextAsync("Stripe did not accept this key: it is mistyped, or it was revoked.");
        await stripe.GetByLabel("Secret key").FillAsync(key);
        await stripe.GetByRole(AriaRole.Button, new() { Name = "Connect Stripe" }).ClickAsync();
        await Expect(stripe).ToContainTextAsync("Connected to Live Lanterns GmbH");
        await Expect(stripe).ToContainTextAsync("Webhook not set up");
        account.WebhookUrl = await stripe.GetByLabel("Webhook URL").InputValueAsync();
        account.WebhookSecret = "whsec_" + Guid.NewGuid().ToString("N");
        await stripe.GetByLabel("Signing secret").FillAsync(account.WebhookSecret);
        await stripe.GetByRole(AriaRole.Button, new() { Name = "Save signing secret" }).ClickAsync();
        await Expect(stripe.GetByText("Connected", new() { Exact = true })).ToBeVisibleAsync();
        Assert.StartsWith($"{app.BaseUrl}stripe/webhooks/", account.WebhookUrl);
        await Expect(session.Snackbar).ToHaveCountAsync(0); // read once the notices have gone, not halfway through their fade
        await Axe.AssertNoSeriousViolationsAsync(page);

        var live = session.Merchant with { Livemode = true };
        var link = (await app.Links.CreateAsync(live, new LinkSettings { Title = "Paper lantern", Amount = 12.5m, Currency = "EUR", MaxQuantity = 5 }, publish: true)).Value;
        await session.OpenAsync("payments");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Paper lantern" });
        await Expect(row).ToHaveCountAsync(0);
        var customer = await CustomerCheckout.StartAsync(app);
        await customer.OpenAsync(link.PublicId);
        await customer.Page.GetByLabel("Quantity").SelectOptionAsync("2");
        await customer.Page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        await Expect(customer.Page.GetByRole(AriaRole.Heading, new() { Name = "Paper lantern" })).ToBeVisibleAsync();
        Assert.StartsWith(app.Stripe.ApiBase, customer.Page.Url); // on Stripe's page: card details never reach us
        await Expect(customer.Page.GetByText("Total 25.00 EUR")).ToBeVisibleAsync();
        await customer.Page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        await customer.ExpectHeadingAsync("Payment received");
        await Expect(customer.Page.GetByText("Test payment — no money moves")).ToHaveCountAsync(0);
        await Expect(row).ToBeVisibleAsync(); // the merchant's open Payments page, without a reload
        await Expect(row).ToContainTextAsync("25.00");
        var capture = await Poll.UntilFoundAsync(() => app.Stripe.Captures.SingleOrDefault(c => c.Amount == 2500), "a capture of 2 × 12.50 EUR");
        Assert.Single(app.Stripe.Captures, c => c.PaymentIntent == capture.PaymentIntent);
    }
}
