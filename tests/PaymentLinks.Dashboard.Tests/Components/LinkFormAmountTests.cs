using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>An amount is saved as the merchant meant it, whichever decimal separator they write, and shown before saving.</summary>
public sealed class LinkFormAmountTests : DashboardTestContext
{
    [Theory]
    [InlineData("12,50", "12.50", "Customers will pay 12.50 EUR.")]
    [InlineData("12.50", "12.50", "Customers will pay 12.50 EUR.")]
    [InlineData("1.250,00", "1250.00", "Customers will pay 1,250.00 EUR.")]
    [InlineData("1,250.00", "1250.00", "Customers will pay 1,250.00 EUR.")]
    public async Task An_amount_is_saved_as_typed_after_its_price_is_shown(string typed, string saved, string preview)
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#title").Input("Workshop seat");
        form.Find("#amount").Input(typed);

        form.WaitForAssertion(() => Assert.Equal(preview, form.Find("[data-testid=price-preview]").TextContent.Trim()));
        await ClickAsync(form, "Save as draft");

        await using var db = Harness.NewContext();
        form.WaitForAssertion(() => Assert.Equal(1, db.PaymentLinks.Count()));
        Assert.Equal(decimal.Parse(saved, CultureInfo.InvariantCulture), (await db.PaymentLinks.AsNoTracking().SingleAsync()).Amount);
    }

    [Fact]
    public async Task A_yen_price_has_no_decimals_to_rescale()
    {
        var draft = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings() with { Currency = "JPY", Amount = 100m }, publish: false)).Value;
        var form = RenderPage<LinkFormPage>(p => p.Add(f => f.Id, draft.Id));
        form.WaitForAssertion(() => form.Find("#amount"));

        form.Find("#amount").Input("1500");

        form.WaitForAssertion(() => Assert.Equal("Customers will pay 1,500 JPY.", form.Find("[data-testid=price-preview]").TextContent.Trim()));
        await ClickAsync(form, "Save changes");
        await using var db = Harness.NewContext();
        form.WaitForAssertion(() => Assert.Equal(1500m, db.PaymentLinks.AsNoTracking().Single().Amount));
    }

    [Theory]
    [InlineData("12.505", "Amount has more decimals than EUR allows (2).")]
    [InlineData("12,5,0", "Enter the amount in digits, such as 12.50.")]
    [InlineData("-12", "Enter the amount in digits, such as 12.50.")]
    public async Task An_amount_the_currency_cannot_hold_is_refused_by_the_field_and_nothing_is_saved(string typed, string message)
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#title").Input("Workshop seat");

        form.Find("#amount").Input(typed);

        form.WaitForAssertion(() => Assert.Equal(message, MessageBeside(form, "amount")));
        Assert.Equal("", form.Find("[data-testid=price-preview]").TextContent.Trim());
        await ClickAsync(form, "Create and publish");
        form.WaitForAssertion(() => Assert.Equal(message, MessageBeside(form, "amount")));
        await using var db = Harness.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public async Task A_merchant_who_writes_a_decimal_comma_reads_1_250_as_one_and_a_quarter_and_1_250_with_a_point_as_twelve_hundred()
    {
        UseMerchantLanguage(CultureInfo.GetCultureInfo("de-DE"));
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));

        form.Find("#amount").Input("1,250");

        form.WaitForAssertion(() => Assert.Equal("Customers will pay 1.25 EUR.", form.Find("[data-testid=price-preview]").TextContent.Trim()));
        form.Find("#amount").Input("1.250");
        form.WaitForAssertion(() => Assert.Equal("Customers will pay 1,250.00 EUR.", form.Find("[data-testid=price-preview]").TextContent.Trim()));
        Assert.Equal("", MessageBeside(form, "amount"));
        await using var db = Harness.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public async Task A_chosen_amount_shows_its_range_and_keeps_the_maximum_given()
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#title").Input("Tip jar");
        form.FindAll("input[type=checkbox]").Single(c => c.Closest("label")!.TextContent.Contains("Customer chooses what to pay")).Change(true);
        form.WaitForAssertion(() => form.Find("#maximum-amount"));

        form.Find("#amount").Input("2,50");
        form.WaitForAssertion(() => Assert.Equal("Customers pay from 2.50 EUR to 2,500.00 EUR.", form.Find("[data-testid=price-preview]").TextContent.Trim()));
        form.Find("#maximum-amount").Input("2");
        form.WaitForAssertion(() => Assert.Equal("Maximum amount must not be below the minimum amount.", MessageBeside(form, "maximum-amount")));
        form.Find("#maximum-amount").Input("100");
        form.WaitForAssertion(() => Assert.Equal("Customers pay from 2.50 EUR to 100.00 EUR.", form.Find("[data-testid=price-preview]").TextContent.Trim()));
        Assert.Equal("Left empty: 1,000 × the minimum.", MessageBeside(form, "maximum-amount"));
        await ClickAsync(form, "Save as draft");

        await using var db = Harness.NewContext();
        form.WaitForAssertion(() => Assert.Equal(1, db.PaymentLinks.Count()));
        var saved = await db.PaymentLinks.AsNoTracking().SingleAsync();
        Assert.Equal((250L, 10_000L), (saved.AmountMinor, saved.MaximumAmountMinor));
    }

    [Fact]
    public async Task A_message_clears_as_soon_as_its_field_is_valid()
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        await ClickAsync(form, "Save as draft");
        form.WaitForAssertion(() => Assert.Equal("Title is required.", MessageBeside(form, "title")));

        form.Find("#title").Input("Workshop seat");

        form.WaitForAssertion(() => Assert.Equal("", MessageBeside(form, "title")));
        Assert.Equal("Amount must be greater than zero.", MessageBeside(form, "amount"));
    }
}
