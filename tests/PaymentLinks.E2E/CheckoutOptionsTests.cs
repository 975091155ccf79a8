using Microsoft.Playwright;
using PaymentLinks.Infrastructure.Payments;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A link that asks things, from the merchant's form to the customer's receipt and back to the dashboard.</summary>
[Collection(AppCollection.Name)]
public sealed class CheckoutOptionsTests(AppFixture app)
{
    [Fact]
    public async Task A_t_shirt_link_asks_its_questions_refuses_a_missing_email_by_its_field_and_charges_three_times_the_unit_amount()
    {
        var session = await DashboardSession.StartAsync(app, "Festival Merch");
        var page = session.Page;
        await session.OpenAsync("links/new");
        await page.GetByLabel("Title").FillAsync("Festival T-shirt");
        await page.GetByLabel("Amount").FillAsync("25");
        await page.GetByLabel("Customer chooses a quantity").CheckAsync();
        await page.GetByLabel("Max quantity").FillAsync("5");
        await ChooseAsync(page, "Customer email", "Required");
        await ChooseAsync(page, "Customer name", "Optional");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a question" }).ClickAsync();
        await page.GetByLabel("Question 1 label").FillAsync("T-shirt size");
        await ChooseAsync(page, "Question 1 kind", "One of a list");
        await page.GetByLabel("Question 1 required").CheckAsync();
        await page.GetByLabel("Question 1 options").FillAsync("S, M, L");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Festival T-shirt", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("25.00 EUR each, 1 to 5 per payment")).ToBeVisibleAsync();
        await Expect(page.GetByText("email (required), name, T-shirt size (required)")).ToBeVisibleAsync();
        var link = (await app.Links.ListAsync(session.Merchant, new())).Items.Single();

        var customer = await CustomerCheckout.StartAsync(app);
        await customer.OpenAsync(link.PublicId);
        var pay = customer.Page;
        await pay.GetByLabel("Quantity").SelectOptionAsync("3");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Update total" }).ClickAsync();
        await Expect(pay.GetByRole(AriaRole.Status)).ToHaveTextAsync("Total: 3 × EUR 25.00 = EUR 75.00");
        await pay.GetByLabel("T-shirt size").SelectOptionAsync("M");
        await pay.GetByLabel("Full name (optional)").FillAsync("Ada Lovelace");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        await Expect(pay.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email is required.");
        await Expect(pay.Locator(".field:has(#email) .field-error")).ToHaveTextAsync("Error: Email is required.");
        await Expect(pay.GetByLabel("Full name (optional)")).ToHaveValueAsync("Ada Lovelace");
        await Expect(pay.GetByLabel("T-shirt size")).ToHaveValueAsync("M");
        await Axe.AssertNoSeriousViolationsAsync(pay);
        Assert.Equal(0, await PaymentsOfAsync(session, link.Id));

        await pay.GetByLabel("Email").FillAsync("ada@example.com");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(pay.GetByRole(AriaRole.Heading, new() { Name = "Authorise this payment" })).ToBeVisibleAsync();
        await Expect(pay.Locator(".summary")).ToContainTextAsync("EUR 75.00");
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");
        await Expect(pay.Locator(".summary")).ToContainTextAsync("Quantity3 × EUR 25.00");
        await Expect(pay.Locator(".summary")).ToContainTextAsync("AmountEUR 75.00");
        await Expect(pay.Locator(".summary")).ToContainTextAsync("T-shirt sizeM");
        await Axe.AssertNoSeriousViolationsAsync(pay);

        await Expect(page.GetByTestId("usage")).ToContainTextAsync("1 / 1000");
        var payment = page.GetByRole(AriaRole.Region, new() { Name = "Payments" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(payment).ToContainTextAsync("75.00 EUR");
        await Expect(payment).ToContainTextAsync("3 × 25.00 EUR");
        await Expect(payment).ToContainTextAsync("ada@example.com");
        await Expect(payment).ToContainTextAsync("T-shirt size: M");

        await page.GetByRole(AriaRole.Link, new() { Name = "Payments", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payments", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Customer email").FillAsync("ADA@");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ada@example.com" });
        await Expect(row).ToContainTextAsync("Festival T-shirt");
        await Expect(row).ToContainTextAsync("75.00 EUR");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.Contains($",COMPLETED,Festival T-shirt,{link.PublicId},3,25.00,75.00,EUR,ada@example.com,Ada Lovelace,,T-shirt size: M,", csv[1]);

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new("^Payment of 75.00 EUR") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment of 75.00 EUR" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Payment", Exact = true })).ToContainTextAsync("3 × 25.00 EUR = 75.00 EUR");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Customer" })).ToContainTextAsync("Ada Lovelace");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Customer" })).ToContainTextAsync("T-shirt sizeM");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("total-EUR")).ToContainTextAsync("75.00 EUR");
        await Expect(page.GetByTestId("total-EUR")).ToContainTextAsync("1 payment");
        await Expect(page.GetByTestId("payments-per-day")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("1 completed payments over the last 30 days, 1 today"));
        await Expect(page.GetByTestId("amount-per-day").Locator("path.mud-chart-line")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Latest payments" })).ToContainTextAsync("ada@example.com");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_pay_what_you_want_link_refuses_less_than_its_minimum_and_more_than_its_maximum_and_takes_what_is_between()
    {
        var session = await DashboardSession.StartAsync(app, "Open Library");
        var page = session.Page;
        await session.OpenAsync("links/new");
        await page.GetByLabel("Title").FillAsync("Support the library");
        await page.GetByLabel("Customer chooses what to pay").CheckAsync();
        await page.GetByLabel("Minimum amount").FillAsync("5");
        await page.GetByLabel("Suggested amount (optional)").FillAsync("20");
        await page.GetByLabel("Maximum amount (optional)").FillAsync("100");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Customers" })).ToHaveTextAsync("Customers pay from 5.00 EUR to 100.00 EUR.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish" }).ClickAsync();
        await Expect(page.GetByText("customer chooses, from 5.00 EUR to 100.00 EUR (suggested 20.00 EUR)")).ToBeVisibleAsync();
        var link = (await app.Links.ListAsync(session.Merchant, new())).Items.Single();

        var customer = await CustomerCheckout.StartAsync(app);
        await customer.OpenAsync(link.PublicId);
        var pay = customer.Page;
        await Expect(pay.GetByLabel("Amount (EUR)")).ToHaveValueAsync("20.00");
        await pay.GetByLabel("Amount (EUR)").FillAsync("4.50");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(pay.Locator(".field:has(#amount) .field-error")).ToHaveTextAsync("Error: The amount must be at least EUR 5.00.");
        Assert.Equal(0, await PaymentsOfAsync(session, link.Id));
        await pay.GetByLabel("Amount (EUR)").FillAsync("99999999.00");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(pay.Locator(".field:has(#amount) .field-error")).ToHaveTextAsync("Error: The amount must be at most EUR 100.00.");
        Assert.Equal(0, await PaymentsOfAsync(session, link.Id));

        await pay.GetByLabel("Amount (EUR)").FillAsync("12.50");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");
        await Expect(pay.Locator(".summary")).ToContainTextAsync("AmountEUR 12.50");
    }

    private async Task<int> PaymentsOfAsync(DashboardSession session, Guid linkId) =>
        (await app.Ledger.ListAsync(session.Merchant, new PaymentQuery { LinkId = linkId })).TotalCount;

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByLabel(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
