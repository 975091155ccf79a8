using Bunit;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class LinkFormPageTests : DashboardTestContext
{
    [Fact]
    public async Task Publishing_an_empty_form_puts_each_message_next_to_its_field_and_creates_nothing()
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#redirect-url").Change("ftp://files.example/x");
        form.Find("#redirect-url").Blur();

        await ClickAsync(form, "Create and publish");

        form.WaitForAssertion(() => Assert.Contains("Title is required.", MessageBeside(form, "title")));
        Assert.Contains("Amount must be greater than zero.", MessageBeside(form, "amount"));
        Assert.Contains("https", MessageBeside(form, "redirect-url"));
        Assert.Equal("", MessageBeside(form, "currency"));
        await using var db = Harness.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public void A_new_link_starts_multi_use_with_the_default_max_usages()
    {
        var form = RenderPage<LinkFormPage>();

        form.WaitForAssertion(() => Assert.Equal("1000", form.Find("#max-usages").GetAttribute("value")));
        Assert.Equal("EUR", form.Find("#currency").GetAttribute("value"));
    }

    [Fact]
    public async Task Bad_checkout_options_get_their_message_by_each_field_and_create_nothing()
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#title").Input("Festival T-shirt");
        form.Find("#amount").Input("25");
        form.FindAll("input[type=checkbox]").Single(c => c.Closest("label")!.TextContent.Contains("Customer chooses a quantity")).Change(true);
        form.WaitForAssertion(() => form.Find("#max-quantity"));
        form.Find("#max-quantity").Change("100");
        await ClickAsync(form, "Add a question");
        form.WaitForAssertion(() => form.Find("#question-1-label"));
        form.Find("#question-1-label").Change("Size \u202Egib");

        await ClickAsync(form, "Create and publish");

        form.WaitForAssertion(() => Assert.Contains("Max quantity must be between 2 and 99.", MessageBeside(form, "max-quantity")));
        Assert.Contains("text-direction", MessageBeside(form, "question-1-label"));
        await using var db = Harness.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public async Task A_link_with_a_quantity_details_and_a_list_question_is_saved_with_them()
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#title").Input("Festival T-shirt");
        form.Find("#amount").Input("25");
        form.FindAll("input[type=checkbox]").Single(c => c.Closest("label")!.TextContent.Contains("Customer chooses a quantity")).Change(true);
        form.WaitForAssertion(() => form.Find("#max-quantity"));
        form.Find("#max-quantity").Change("5");
        await ClickAsync(form, "Add a question");
        form.WaitForAssertion(() => form.Find("#question-1-label"));
        form.Find("#question-1-label").Change("Note");

        await ClickAsync(form, "Create and publish");

        await using var db = Harness.NewContext();
        form.WaitForAssertion(() => Assert.Equal(1, db.PaymentLinks.Count()));
        var link = await db.PaymentLinks.AsNoTracking().SingleAsync();
        Assert.Equal(5, link.MaxQuantity);
        Assert.Equal([new PaymentLinks.Domain.Links.CustomField("Note", PaymentLinks.Domain.Links.CustomFieldKind.Text, false, [])], link.CustomFields);
        Assert.Equal(PaymentLinks.Domain.Links.DetailMode.Optional, link.CustomerDetails.Email);
    }

    [Fact]
    public async Task A_new_link_starts_in_the_currency_of_the_merchants_newest_link()
    {
        await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings() with { Currency = "CHF" }, publish: false);

        var form = RenderPage<LinkFormPage>();

        form.WaitForAssertion(() => Assert.Equal("CHF", form.Find("#currency").GetAttribute("value")));
    }

    [Fact]
    public void Currencies_are_offered_recent_first_then_common_then_the_rest_and_found_by_name()
    {
        var offered = CurrencyNames.Offered(["CHF", "ISK"], null).ToList();

        Assert.Equal(["CHF", "ISK", "EUR", "USD", "GBP", "JPY"], offered.Take(6));
        Assert.Equal(PaymentLinks.Domain.Links.Currencies.Codes.Count, offered.Count);
        Assert.Equal(["JPY"], CurrencyNames.Offered([], "yen"));
        Assert.Contains("CHF", CurrencyNames.Offered([], "franc"));
        Assert.Equal(["FJD"], CurrencyNames.Offered([], "fj"));
    }
}
