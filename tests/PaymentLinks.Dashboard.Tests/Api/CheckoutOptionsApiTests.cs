using System.Text.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Tests.Http;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary>A link's checkout options through the API, and the payments that come of them.</summary>
public sealed class CheckoutOptionsApiTests : ApiTestBase
{
    private const string Shirt = """
        {"title":"Festival T-shirt","amount":25,"currency":"EUR","max_usages":10,"max_quantity":5,
         "customer_details":{"email":"required","name":"optional"},
         "custom_fields":[{"label":"T-shirt size","kind":"choice","required":true,"options":["S","M","L"]}]}
        """;

    [Fact]
    public async Task A_link_is_created_with_its_options_and_reads_them_back()
    {
        var created = await CreateAsync(Shirt);

        Assert.Equal(5, created.GetProperty("max_quantity").GetInt32());
        Assert.False(created.GetProperty("customer_chooses_amount").GetBoolean());
        var details = created.GetProperty("customer_details");
        Assert.Equal(("required", "optional", "off"), (details.GetProperty("email").GetString(), details.GetProperty("name").GetString(), details.GetProperty("phone").GetString()));
        var field = created.GetProperty("custom_fields")[0];
        Assert.Equal(("T-shirt size", "choice", true), (field.GetProperty("label").GetString(), field.GetProperty("kind").GetString(), field.GetProperty("required").GetBoolean()));
        Assert.Equal(["S", "M", "L"], field.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        var read = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{created.GetProperty("id").GetGuid()}"));
        Assert.Equal(created.GetProperty("custom_fields").GetRawText(), read.GetProperty("custom_fields").GetRawText());
    }

    [Fact]
    public async Task A_chosen_amount_is_bounded_by_the_maximum_given_or_else_a_thousand_times_the_minimum()
    {
        var bounded = await CreateAsync("""{"title":"Tip jar","amount":2,"currency":"EUR","customer_chooses_amount":true,"maximum_amount":250}""");
        var defaulted = await CreateAsync("""{"title":"Tip jar","amount":2,"currency":"EUR","customer_chooses_amount":true}""");
        var fixedPrice = await CreateAsync("""{"title":"Mug","amount":2,"currency":"EUR"}""");

        Assert.Equal(250m, bounded.GetProperty("maximum_amount").GetDecimal());
        Assert.Equal(2000m, defaulted.GetProperty("maximum_amount").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fixedPrice.GetProperty("maximum_amount").ValueKind);
        var outcome = await new CheckoutCustomer(App).PayAsync(defaulted.GetProperty("public_id").GetString()!, new() { ["amount"] = "99999999.00" });
        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Contains("The amount must be at most EUR&#xA0;2,000.00.", outcome.Html);
    }

    [Fact]
    public async Task A_patch_changes_one_detail_and_keeps_the_others_and_refuses_to_change_who_chooses_the_amount_once_published()
    {
        var id = (await CreateAsync(Shirt)).GetProperty("id").GetGuid();

        var patched = await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"customer_details":{"phone":"required"},"max_quantity":9}""");
        var refused = await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"customer_chooses_amount":true,"max_quantity":null}""");

        var body = await BodyAsync(patched);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("required", body.GetProperty("customer_details").GetProperty("email").GetString());
        Assert.Equal("required", body.GetProperty("customer_details").GetProperty("phone").GetString());
        Assert.Equal(9, body.GetProperty("max_quantity").GetInt32());
        await AssertErrorAsync(refused, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal("customer_chooses_amount", (await BodyAsync(refused)).GetProperty("details")[0].GetProperty("field").GetString());
    }

    public static TheoryData<string, string> HostileOptions() => new()
    {
        { """{"max_quantity":100}""", "max_quantity" },
        { """{"max_quantity":"5"}""", "max_quantity" },
        { """{"customer_details":{"email":"sometimes"}}""", "customer_details.email" },
        { """{"customer_details":{"fax":"required"}}""", "fax" },
        { """{"custom_fields":[{"label":"Size","kind":"colour"}]}""", "custom_fields[0].kind" },
        { """{"custom_fields":[{"label":"Size","kind":"choice","options":["S"]}]}""", "custom_fields[0].options" },
        { """{"custom_fields":[{"label":"Si\u202Eze","kind":"text"}]}""", "custom_fields[0].label" },
        { """{"custom_fields":[null]}""", "custom_fields[0].label" },
        { """{"custom_fields":[{"label":"A","kind":"text"},{"label":"B","kind":"text"},{"label":"C","kind":"text"},{"label":"D","kind":"text"}]}""", "custom_fields" },
        { """{"customer_chooses_amount":true,"suggested_amount":1}""", "suggested_amount" },
        { """{"customer_chooses_amount":true,"maximum_amount":9.99}""", "maximum_amount" },
        { """{"customer_chooses_amount":true,"suggested_amount":20,"maximum_amount":15}""", "suggested_amount" },
        { """{"amount":12.505}""", "amount" },
        { """{"amount":"12,50"}""", "amount" },
        { """{"checkout_language":"xx-garbage"}""", "checkout_language" },
        { """{"checkout_language":"pt"}""", "checkout_language" }, // pt-BR and pt-PT are the checkout's
    };

    [Fact]
    public async Task A_links_checkout_language_is_set_read_back_and_cleared()
    {
        var id = (await CreateAsync("""{"title":"Stollen","amount":18,"currency":"EUR","checkout_language":"de"}""")).GetProperty("id").GetGuid();

        Assert.Equal("de", (await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"))).GetProperty("checkout_language").GetString());
        var cleared = await BodyAsync(await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"checkout_language":null}"""));

        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("checkout_language").ValueKind);
        await using var db = App.NewContext();
        Assert.Null((await db.PaymentLinks.SingleAsync()).CheckoutLanguage);
    }

    [Theory]
    [MemberData(nameof(HostileOptions))]
    public async Task Bad_options_get_a_400_naming_the_field_on_create_and_patch_and_nothing_changes(string options, string field)
    {
        var body = """{"title":"Guarded","amount":10,"currency":"EUR",""" + options.TrimStart('{');
        var id = (await CreateAsync()).GetProperty("id").GetGuid();

        var created = await Api.PostAsync("/api/v1/payment-links", Json(body));
        var patched = await PatchAsync(Api, $"/api/v1/payment-links/{id}", options);

        foreach (var response in new[] { created, patched })
        {
            await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
            Assert.Contains(field, (await BodyAsync(response)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
        }
        await using var db = App.NewContext();
        Assert.Equal(1, await db.PaymentLinks.CountAsync());
        Assert.Equal(1, (await db.PaymentLinks.SingleAsync()).Version);
    }

    [Fact]
    public async Task A_links_payments_list_their_quantity_amount_customer_and_answers_and_each_reads_alone()
    {
        var link = await CreateAsync(Shirt);
        var publicId = link.GetProperty("public_id").GetString()!;
        await new CheckoutCustomer(App).PayAsync(publicId, new() { ["quantity"] = "3", ["email"] = "ada@example.com", ["field_0"] = "M" });
        await new CheckoutCustomer(App).PayAsync(publicId, new() { ["quantity"] = "1", ["email"] = "bob@example.com", ["field_0"] = "L" });

        var list = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{publicId}/payments?limit=1"));
        var newest = list.GetProperty("data")[0];
        var older = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{publicId}/payments?limit=1&offset=1"));

        Assert.Equal((2, true), (list.GetProperty("total_count").GetInt32(), list.GetProperty("has_more").GetBoolean()));
        Assert.Equal("bob@example.com", newest.GetProperty("customer").GetProperty("email").GetString());
        var first = older.GetProperty("data")[0];
        Assert.Equal((3, 75m, 25m), (first.GetProperty("quantity").GetInt32(), first.GetProperty("amount").GetDecimal(), first.GetProperty("unit_amount").GetDecimal()));
        Assert.Equal("""[{"label":"T-shirt size","value":"M"}]""", first.GetProperty("custom_fields").GetRawText());
        var alone = await BodyAsync(await Api.GetAsync($"/api/v1/payments/{first.GetProperty("id").GetGuid()}"));
        Assert.Equal(first.GetRawText(), alone.GetRawText());
        await AssertErrorAsync(await Api.GetAsync($"/api/v1/payment-links/{publicId}/payments?limit=0"), HttpStatusCode.BadRequest, "invalid_request");
    }
}
