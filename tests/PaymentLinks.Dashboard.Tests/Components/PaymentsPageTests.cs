using Microsoft.EntityFrameworkCore;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Payments;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class PaymentsPageTests : DashboardTestContext
{
    private async Task PayAsync(string publicId, string email, int quantity = 1, bool approve = true)
    {
        var attempt = (await Harness.Payments.StartAsync(publicId, answers: new CheckoutAnswers { Email = email, Quantity = $"{quantity}" })).Value;
        if (approve)
            await Harness.Payments.CompleteAsync(attempt.Id);
        else
            await Harness.Payments.FailAsync(attempt.Id);
    }

    [Fact]
    public async Task Each_payment_shows_its_link_amount_quantity_and_customer_newest_first()
    {
        var shirt = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Shirt") with { MaxQuantity = 5 }, publish: true)).Value;
        await PayAsync(shirt.PublicId, "ada@example.com", quantity: 3);
        await PayAsync(shirt.PublicId, "bob@example.com", approve: false);

        var page = RenderPage<PaymentsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr.mud-table-row").Count));
        var rows = page.FindAll("tbody tr.mud-table-row");
        Assert.Contains("bob@example.com", rows[0].TextContent);
        Assert.Contains("FAILED", rows[0].TextContent);
        Assert.Contains("ada@example.com", rows[1].TextContent);
        Assert.Contains("3 × 49.90 EUR", rows[1].TextContent);
        Assert.Contains("149.70 EUR", rows[1].TextContent);
        Assert.Equal($"links/{shirt.Id}", rows[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_address_filters_by_link_status_and_email_and_the_export_takes_the_same_filter()
    {
        var shirt = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Shirt"), publish: true)).Value;
        var mug = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Mug"), publish: true)).Value;
        await PayAsync(shirt.PublicId, "ada@example.com");
        await PayAsync(shirt.PublicId, "adam@example.com", approve: false);
        await PayAsync(mug.PublicId, "ada@example.com");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"payments?link={shirt.Id}&status=completed&email=ADA");

        var page = RenderPage<PaymentsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));
        Assert.Contains("ada@example.com", page.Find("tbody tr.mud-table-row").TextContent);
        Assert.Contains("Link: Shirt", page.Markup);
        Assert.Equal($"payments/export?link={shirt.Id}&status=completed&email=ADA",
            page.FindAll("a").Single(a => a.TextContent.Contains("Export CSV")).GetAttribute("href"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("completed,failed")]
    [InlineData(" completed")]
    public async Task A_status_in_the_address_that_is_no_status_name_filters_nothing(string status)
    {
        var shirt = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Shirt"), publish: true)).Value;
        await PayAsync(shirt.PublicId, "ada@example.com");
        await PayAsync(shirt.PublicId, "bob@example.com", approve: false);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"payments?status={Uri.EscapeDataString(status)}");

        var page = RenderPage<PaymentsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr.mud-table-row").Count));
        Assert.Equal("payments/export", page.FindAll("a").Single(a => a.TextContent.Contains("Export CSV")).GetAttribute("href"));
    }

    [Fact]
    public async Task A_payment_opens_on_its_own_page_with_what_was_bought_and_the_customer()
    {
        var shirt = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Shirt") with { MaxQuantity = 5 }, publish: true)).Value;
        await PayAsync(shirt.PublicId, "ada.lovelace@example.com", quantity: 2);
        var payment = (await Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.PaymentLedger>()
            .ListAsync(Merchant, new())).Items.Single().Payment;

        var page = RenderPage<PaymentDetailPage>(p => p.Add(d => d.Id, payment.Id));

        page.WaitForAssertion(() => Assert.Contains("Payment of 99.80 EUR", page.Find("h1").TextContent));
        Assert.Equal("COMPLETED", page.Find("[data-testid=payment-status]").TextContent.Trim());
        Assert.Contains("2 × 49.90 EUR = 99.80 EUR", page.Find("[aria-label=Payment]").TextContent);
        Assert.Contains("ada.lovelace@example.com", page.Find("[aria-label=Customer]").TextContent);
        Assert.Equal($"links/{shirt.Id}", page.Find("[aria-label=Payment] a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_capture_the_rail_has_not_confirmed_shows_its_last_answer_on_the_payment()
    {
        var link = await Harness.ActiveLinkAsync(Merchant);
        var payment = (await Harness.Payments.CompleteAsync((await Harness.Payments.StartAsync(link.PublicId)).Value.Id)).Value;
        await using (var db = Harness.NewContext())
        {
            // What the rail worker records when the rail does not confirm (the worker itself does not run here).
            var capture = await db.RailOperations.SingleAsync(o => o.PaymentId == payment.Id);
            capture.Retry("Stripe answered 503: Stripe is having trouble.", TimeSpan.FromMinutes(2), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var page = RenderPage<PaymentDetailPage>(p => p.Add(d => d.Id, payment.Id));

        page.WaitForAssertion(() => Assert.Contains("Capture in progress", page.Find("[aria-label=Payment]").TextContent));
        var facts = page.Find("[aria-label=Payment]").TextContent;
        Assert.Contains("Last answer", facts);
        Assert.Contains("Stripe answered 503: Stripe is having trouble. (capture asked 1 time; asked again in 2 minutes)", facts);
    }

    [Fact]
    public async Task Another_merchants_payment_is_not_found()
    {
        var stranger = await Harness.NewMerchantAsync("Other Shop");
        var theirs = await Harness.ActiveLinkAsync(stranger);
        var theirAttempt = (await Harness.Payments.StartAsync(theirs.PublicId, answers: new CheckoutAnswers { Email = "eve@example.com" })).Value;

        var page = RenderPage<PaymentDetailPage>(p => p.Add(d => d.Id, theirAttempt.Id));

        page.WaitForAssertion(() => Assert.Contains("does not exist or is not yours", page.Markup));
        Assert.DoesNotContain("eve@example.com", page.Markup);
    }
}
