using System.Net;
using System.Text;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary><c>/payments/export</c>: the signed-in merchant's payments as CSV, filtered like the Payments page.</summary>
public sealed class PaymentExportTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly LinkSettings Shirt = new()
    {
        Title = "Festival T-shirt, \"limited\"", Amount = 25m, Currency = "EUR", MaxQuantity = 5,
        CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Off),
        CustomFields = [new("Note", CustomFieldKind.Text, false, [])],
    };

    [Fact]
    public async Task The_csv_has_a_bom_a_header_and_one_row_per_matching_payment_with_hostile_text_neutralised_and_nothing_of_other_merchants()
    {
        var (merchant, browser) = await _app.SignedInMerchantAsync("exporter@example.com");
        var link = (await _app.Links.CreateAsync(merchant, Shirt, publish: true)).Value;
        await new CheckoutCustomer(_app).PayAsync(link.PublicId, new() { ["quantity"] = "3", ["email"] = "ada@example.com", ["name"] = "=cmd|'/C calc'!A0", ["field_0"] = "Gift, wrapped" });
        await new CheckoutCustomer(_app).PayAsync(link.PublicId, new() { ["quantity"] = "1", ["email"] = "bob@example.com" });
        var stranger = await _app.NewMerchantAsync("Stranger");
        var theirs = (await _app.Links.CreateAsync(stranger, Shirt with { Title = "Not yours" }, publish: true)).Value;
        await new CheckoutCustomer(_app).PayAsync(theirs.PublicId, new() { ["quantity"] = "1", ["email"] = "ada@example.com" });

        var response = await browser.GetAsync("/payments/export?email=ADA");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment; filename=\"payments-", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Payment ID,Created,Finished,Status,Link,Link public ID,Quantity,Unit amount,Amount,Currency,Customer email", lines[0]);
        Assert.Contains($",COMPLETED,\"Festival T-shirt, \"\"limited\"\"\",{link.PublicId},3,25.00,75.00,EUR,ada@example.com,'=cmd|'/C calc'!A0,,\"Note: Gift, wrapped\",", lines[1]);
        Assert.DoesNotContain("Not yours", lines[1]);
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in_and_gets_no_data()
    {
        var response = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/payments/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("account/login", response.Headers.Location!.ToString());
    }
}
