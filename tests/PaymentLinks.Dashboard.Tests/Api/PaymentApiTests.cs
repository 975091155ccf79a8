using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary><c>GET /api/v1/payments/{id}</c>: a merchant confirms a payment a return named, and sees no one else's.</summary>
public sealed class PaymentApiTests : ApiTestBase
{
    private PaymentService Payments => App.Services.GetRequiredService<PaymentService>();

    [Fact]
    public async Task A_merchant_reads_its_own_payment_with_its_outcome()
    {
        var link = await App.ActiveLinkAsync(Merchant, maxUsages: 5);
        var paid = (await Payments.CompleteAsync((await Payments.StartAsync(link.PublicId)).Value.Id)).Value;

        var response = await Api.GetAsync($"/api/v1/payments/{paid.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal((paid.Id, link.Id, "COMPLETED", 30m, "EUR"), (body.GetProperty("id").GetGuid(), body.GetProperty("link_id").GetGuid(),
            body.GetProperty("status").GetString(), body.GetProperty("amount").GetDecimal(), body.GetProperty("currency").GetString()));
        Assert.True(body.TryGetProperty("finished_at", out var finished) && finished.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Theory]
    [InlineData("another merchant's")]
    [InlineData("not-a-guid")]
    [InlineData("unknown")]
    public async Task Another_merchants_payment_or_a_made_up_id_is_not_found(string which)
    {
        var stranger = await App.NewMerchantAsync("Stranger Goods");
        var theirLink = await App.ActiveLinkAsync(stranger, maxUsages: 5);
        var theirs = (await Payments.StartAsync(theirLink.PublicId)).Value;
        var id = which switch { "another merchant's" => theirs.Id.ToString(), "unknown" => Guid.NewGuid().ToString(), _ => which };

        await AssertErrorAsync(await Api.GetAsync($"/api/v1/payments/{id}"), HttpStatusCode.NotFound, "resource_missing");
    }
}
