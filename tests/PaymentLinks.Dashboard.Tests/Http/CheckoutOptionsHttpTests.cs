using System.Net;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>The pay page of a link that asks things: through the real pages, checked in what is stored.</summary>
public sealed class CheckoutOptionsHttpTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly LinkSettings Shirt = new()
    {
        Title = "Festival T-shirt",
        Amount = 25.00m,
        Currency = "EUR",
        MaxUsages = 10,
        MaxQuantity = 5,
        CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Off),
        CustomFields = [new("T-shirt size", CustomFieldKind.Choice, true, ["S", "M", "L"])],
    };

    private static readonly Dictionary<string, string> GoodAnswers = new()
    {
        ["quantity"] = "3", ["email"] = "ada@example.com", ["name"] = "Ada Lovelace", ["field_0"] = "M",
    };

    private async Task<LinkView> PublishAsync(string merchant, LinkSettings settings) =>
        (await _app.Links.CreateAsync(await _app.NewMerchantAsync(merchant), settings, publish: true)).Value;

    [Fact]
    public async Task The_pay_page_asks_what_the_link_asks_with_labels()
    {
        var link = await PublishAsync("Asking Shop", Shirt);

        var html = await _app.CreateClient().GetStringAsync($"/pay/{link.PublicId}");

        Assert.Contains("<label for=\"email\"><bdi>Email</bdi></label>", html);
        Assert.Contains("<label for=\"name\"><bdi>Full name</bdi> (optional)</label>", html);
        Assert.Contains("<label for=\"field_0\"><bdi>T-shirt size</bdi></label>", html);
        Assert.Contains("<label for=\"quantity\"><bdi>Quantity</bdi></label>", html);
        Assert.DoesNotContain("id=\"phone\"", html);
        Assert.Contains("<bdi>EUR&#xA0;25.00</bdi> each", html);
    }

    [Fact]
    public async Task A_missing_required_email_comes_back_by_its_field_with_what_was_typed_and_charges_nothing()
    {
        var link = await PublishAsync("Careful Shop", Shirt);
        var customer = new CheckoutCustomer(_app);

        var refused = await customer.PayAsync(link.PublicId, new(GoodAnswers) { ["email"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<p class=\"field-error\" id=\"email-error\"><span class=\"visually-hidden\">Error: </span>Email is required.</p>", refused.Html);
        Assert.Contains("aria-describedby=\"email-hint email-error\"", refused.Html);
        Assert.Contains("value=\"Ada Lovelace\"", refused.Html);
        Assert.Contains("<option value=\"M\" selected dir=\"auto\">M</option>", refused.Html);
        Assert.Contains("Total: <bdi>3 × EUR&#xA0;25.00 = <strong>EUR&#xA0;75.00</strong></bdi>", refused.Html);
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.PaymentAttempts.CountAsync());
    }

    [Fact]
    public async Task The_receipt_shows_who_paid_only_to_the_browser_that_paid_and_is_never_stored()
    {
        var link = await PublishAsync("Discreet Shop", Shirt);
        var payer = new CheckoutCustomer(_app);
        await payer.PayAsync(link.PublicId, GoodAnswers);
        await using var db = _app.NewContext();
        var receiptPath = $"/pay/{link.PublicId}/payments/{(await db.PaymentAttempts.SingleAsync()).Id}";

        using var own = await payer.GetAsync(receiptPath);
        using var someoneElses = await new CheckoutCustomer(_app).GetAsync(receiptPath);

        var (ownHtml, otherHtml) = (await own.Content.ReadAsStringAsync(), await someoneElses.Content.ReadAsStringAsync());
        Assert.Contains("<dt>Name</dt><dd dir=\"auto\">Ada Lovelace</dd>", ownHtml);
        Assert.Contains("<dt>Email</dt>", ownHtml);
        Assert.Contains("<dt dir=\"auto\">T-shirt size</dt><dd dir=\"auto\">M</dd>", ownHtml);
        Assert.Equal(HttpStatusCode.OK, someoneElses.StatusCode);
        Assert.Contains("<dt>Amount</dt><dd><bdi>EUR&#xA0;75.00</bdi></dd>", otherHtml);
        foreach (var detail in new[] { "<dt>Email</dt>", "@example.com", "Ada Lovelace", "T-shirt size" })
            Assert.DoesNotContain(detail, otherHtml);
        Assert.All([own, someoneElses], answer => Assert.Equal("no-store", answer.Headers.CacheControl?.ToString()));
    }

    [Fact]
    public async Task Three_shirts_are_charged_three_times_the_unit_amount_and_count_one_usage()
    {
        var link = await PublishAsync("Shirt Shop", Shirt);

        var receipt = await new CheckoutCustomer(_app).PayAsync(link.PublicId, GoodAnswers);

        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Contains("<dt>Quantity</dt><dd><bdi>3 × EUR&#xA0;25.00</bdi></dd>", receipt.Html);
        Assert.Contains("<dt>Amount</dt><dd><bdi>EUR&#xA0;75.00</bdi></dd>", receipt.Html);
        Assert.Contains("<dt dir=\"auto\">T-shirt size</dt><dd dir=\"auto\">M</dd>", receipt.Html);
        await using var db = _app.NewContext();
        var payment = await db.PaymentAttempts.AsNoTracking().SingleAsync();
        Assert.Equal((PaymentStatus.Completed, 3, 7500L), (payment.Status, payment.Quantity, payment.AmountMinor));
        Assert.Equal(("ada@example.com", "Ada Lovelace", (string?)null), (payment.CustomerEmail, payment.CustomerName, payment.CustomerPhone));
        Assert.Equal([new FieldAnswer("T-shirt size", "M")], payment.Answers);
        Assert.Equal(1, (await db.PaymentLinks.AsNoTracking().SingleAsync()).Usages);
    }

    [Fact]
    public async Task Update_total_redirects_to_the_pay_page_which_keeps_what_was_typed_until_a_payment_completes()
    {
        var link = await PublishAsync("Redirecting Shop", Shirt);
        var customer = new CheckoutCustomer(_app);

        var reviewed = await customer.PostPayFormAsync(link.PublicId, new() { ["intent"] = "review", ["quantity"] = "3", ["email"] = "ada@example.com", ["field_0"] = "L" });

        Assert.Equal(HttpStatusCode.SeeOther, reviewed.StatusCode);
        Assert.Equal($"/pay/{link.PublicId}", reviewed.Headers.Location!.ToString());
        var page = await (await customer.GetAsync($"/pay/{link.PublicId}")).Content.ReadAsStringAsync();
        Assert.Contains("Total: <bdi>3 × EUR&#xA0;25.00 = <strong>EUR&#xA0;75.00</strong></bdi>", page);
        Assert.Contains("value=\"ada@example.com\"", page);
        Assert.Contains("<option value=\"L\" selected", page);

        var paid = await customer.PayAsync(link.PublicId, new() { ["quantity"] = "3", ["email"] = "ada@example.com", ["field_0"] = "L" });
        Assert.Equal(HttpStatusCode.OK, paid.Status);
        var afresh = await (await customer.GetAsync($"/pay/{link.PublicId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("ada@example.com", afresh);
        Assert.Contains("Total: <bdi>1 × EUR&#xA0;25.00", afresh);
        await using var db = _app.NewContext();
        Assert.Equal(3, (await db.PaymentAttempts.SingleAsync()).Quantity);
    }

    [Fact]
    public async Task Update_total_shows_the_new_total_and_starts_nothing()
    {
        var link = await PublishAsync("Totting Shop", Shirt);
        var customer = new CheckoutCustomer(_app);

        var reviewed = await customer.PostPayFormToAsync(link.PublicId, $"/pay/{link.PublicId}", new() { ["intent"] = "review", ["quantity"] = "4" });

        Assert.Equal(HttpStatusCode.OK, reviewed.Status);
        Assert.Contains("Total: <bdi>4 × EUR&#xA0;25.00 = <strong>EUR&#xA0;100.00</strong></bdi>", reviewed.Html);
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.PaymentAttempts.CountAsync());
    }

    [Theory]
    [InlineData("4.99", HttpStatusCode.BadRequest, 0L)]
    [InlineData("5", HttpStatusCode.OK, 500L)]
    [InlineData("12,50", HttpStatusCode.OK, 1250L)]
    [InlineData("1.250,00", HttpStatusCode.OK, 125000L)]
    [InlineData("99999999.00", HttpStatusCode.BadRequest, 0L)]
    public async Task A_customer_chosen_amount_under_the_minimum_or_over_the_maximum_is_refused_and_one_between_is_charged(string amount, HttpStatusCode status, long charged)
    {
        var link = await PublishAsync("Donations", new LinkSettings
        {
            Title = "Support the library", Amount = 5m, Currency = "EUR", CustomerChoosesAmount = true, SuggestedAmount = 20m,
        });

        var outcome = await new CheckoutCustomer(_app).PayAsync(link.PublicId, new() { ["amount"] = amount });

        Assert.Equal(status, outcome.Status);
        await using var db = _app.NewContext();
        Assert.Equal(charged, await db.PaymentAttempts.SumAsync(a => a.AmountMinor));
        if (status == HttpStatusCode.BadRequest)
            Assert.Contains(amount == "4.99" ? "The amount must be at least EUR&#xA0;5.00." : "The amount must be at most EUR&#xA0;5,000.00.", outcome.Html);
    }

    [Fact]
    public async Task The_suggested_amount_is_filled_in()
    {
        var link = await PublishAsync("Suggesting", new LinkSettings { Title = "Tip jar", Amount = 1m, Currency = "USD", CustomerChoosesAmount = true, SuggestedAmount = 7.50m });

        var html = await _app.CreateClient().GetStringAsync($"/pay/{link.PublicId}");

        Assert.Contains("value=\"7.50\"", html);
        Assert.Contains("From USD&#xA0;1.00 to USD&#xA0;1,000.00.", html);
    }

    public static TheoryData<string, string, string> HostileAnswers() => new()
    {
        { "quantity", "100", "Choose a quantity from 1 to 5." },
        { "quantity", "-1", "Choose a quantity from 1 to 5." },
        { "quantity", "3; DROP TABLE PaymentLinks", "Choose a quantity from 1 to 5." },
        { "field_0", "XXL", "Choose one of the options for T-shirt size." },
        { "email", "<script>alert(1)</script>", "Enter an email address such as name@example.com." },
        { "name", "Ada \u202Eecalevol", "Full name must not contain text-direction control characters." },
        { "name", new string('n', 5000), "Full name must be at most 100 characters." },
    };

    [Theory]
    [MemberData(nameof(HostileAnswers))]
    public async Task Hostile_answers_get_a_message_by_their_field_and_store_nothing(string field, string value, string message)
    {
        var link = await PublishAsync("Hostile Shop", Shirt);

        var refused = await new CheckoutCustomer(_app).PayAsync(link.PublicId, new(GoodAnswers) { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains($"id=\"{field}-error\"><span class=\"visually-hidden\">Error: </span>{System.Net.WebUtility.HtmlEncode(message)}</p>", refused.Html);
        Assert.DoesNotContain("<script>alert", refused.Html);
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.PaymentAttempts.CountAsync());
    }

    [Fact]
    public async Task Going_back_from_the_bank_and_paying_again_with_another_quantity_continues_the_same_payment_at_the_new_total()
    {
        var link = await PublishAsync("Changing Minds", Shirt);
        var customer = new CheckoutCustomer(_app);
        await customer.PostPayFormToAsync(link.PublicId, $"/pay/{link.PublicId}", GoodAnswers);

        var again = await customer.PayAsync(link.PublicId, new(GoodAnswers) { ["quantity"] = "2" });

        Assert.Contains("<dt>Amount</dt><dd><bdi>EUR&#xA0;50.00</bdi></dd>", again.Html);
        await using var db = _app.NewContext();
        var payment = await db.PaymentAttempts.AsNoTracking().SingleAsync();
        Assert.Equal((PaymentStatus.Completed, 2, 5000L), (payment.Status, payment.Quantity, payment.AmountMinor));
    }
}
