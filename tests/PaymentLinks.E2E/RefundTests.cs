using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Payments;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Money after the bank step, in Chromium: refunds from the dashboard, and the sandbox bank's late approval.</summary>
[Collection(AppCollection.Name)]
public sealed class RefundTests(AppFixture app)
{
    [Fact]
    public async Task A_merchant_refunds_ten_of_twenty_five_and_then_the_rest_and_the_row_says_so_each_time()
    {
        var session = await DashboardSession.StartAsync(app, "Refund Records");
        var page = session.Page;
        var link = (await app.Links.CreateAsync(session.Merchant, new LinkSettings { Title = "Vinyl record", Amount = 25m, Currency = "EUR" }, publish: true)).Value;
        var payments = app.Services.GetRequiredService<PaymentService>();
        await payments.CompleteAsync((await payments.StartAsync(link.PublicId)).Value.Id);
        await session.OpenAsync("payments");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vinyl record" });
        var refund = row.GetByRole(AriaRole.Button, new() { Name = "Refund payment of 25.00 EUR" });
        var dialog = page.GetByRole(AriaRole.Dialog);

        await refund.ClickAsync();
        await Expect(dialog.GetByLabel("Amount to refund (EUR)")).ToHaveValueAsync("25.00");
        await dialog.GetByLabel("Amount to refund (EUR)").FillAsync("30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("At most 25.00 EUR remains to refund.");
        await dialog.GetByLabel("Amount to refund (EUR)").FillAsync("10.00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();

        await Expect(session.Snackbar).ToContainTextAsync("Refunded 10.00 EUR.");
        await Expect(row.GetByTestId("payment-status")).ToHaveTextAsync("PARTIALLY REFUNDED");
        await Expect(dialog).ToHaveCountAsync(0); // the first one gone, so what follows reads the second
        await refund.ClickAsync();
        await Expect(dialog).ToContainTextAsync("10.00 EUR refunded so far; 15.00 EUR can be refunded.");
        await Expect(dialog.GetByLabel("Amount to refund (EUR)")).ToHaveValueAsync("15.00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();

        await Expect(row.GetByTestId("payment-status")).ToHaveTextAsync("REFUNDED");
        await Expect(refund).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new("^Payment of 25.00 EUR") }).ClickAsync();
        var refunds = page.GetByRole(AriaRole.Region, new() { Name = "Refunds" });
        await Expect(refunds.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // the header and both refunds
        await Expect(page.GetByText("25.00 EUR of 25.00 EUR")).ToBeVisibleAsync();
        Assert.Equal(1, (await app.Links.GetAsync(session.Merchant, link.Id)).Value.Usages);
        await Expect(session.Snackbar).ToHaveCountAsync(0); // read once the last notice has gone, not halfway through its fade
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_customer_who_chose_approve_later_sees_confirming_and_then_the_receipt_without_reloading()
    {
        var (merchant, link, customer) = await AtTheBankAsync("Later Lamps", "Desk lamp");

        await customer.Page.GetByRole(AriaRole.Button, new() { Name = "Approve later" }).ClickAsync();

        await customer.ExpectHeadingAsync("Confirming your payment");
        await Expect(customer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("shows the outcome as soon as it comes");
        var url = customer.Page.Url;
        app.Clock.Advance(TimeSpan.FromSeconds(5)); // the sandbox bank's delay, so the test need not wait for it
        await customer.ExpectHeadingAsync("Payment received");
        await Expect(customer.Page.GetByRole(AriaRole.Heading, new() { Name = "Confirming your payment" })).ToBeHiddenAsync();
        Assert.Equal(url, customer.Page.Url); // the same page, never reloaded
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
        Assert.Equal(1, (await app.Links.GetAsync(merchant, link.Id)).Value.Usages);
    }

    [Fact]
    public async Task Insufficient_funds_is_a_decline_with_its_reason_and_nothing_is_taken()
    {
        var (merchant, link, customer) = await AtTheBankAsync("Broke Bikes", "Bell");

        await customer.Page.GetByRole(AriaRole.Button, new() { Name = "Insufficient funds" }).ClickAsync();

        await customer.ExpectHeadingAsync("Payment declined");
        await Expect(customer.Page.GetByText("Your bank declined the payment: insufficient funds. No money was taken.")).ToBeVisibleAsync();
        await Expect(customer.Page.GetByRole(AriaRole.Link, new() { Name = "Try again" })).ToBeVisibleAsync();
        Assert.Equal(0, (await app.Links.GetAsync(merchant, link.Id)).Value.Usages);
    }

    /// <summary>A customer of a new merchant's new link, at the sandbox bank's step.</summary>
    private async Task<(Infrastructure.Links.MerchantCaller Merchant, Infrastructure.Links.LinkView Link, CustomerCheckout Customer)> AtTheBankAsync(
        string business, string title)
    {
        var (_, merchant) = await app.NewMerchantAsync(business);
        var link = (await app.Links.CreateAsync(merchant, new LinkSettings { Title = title, Amount = 8m, Currency = "EUR" }, publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);
        await customer.OpenAsync(link.PublicId);
        await customer.PayAsync();
        return (merchant, link, customer);
    }
}
