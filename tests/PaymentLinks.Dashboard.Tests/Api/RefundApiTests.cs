using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary><c>/api/v1/payments/{id}/refunds</c> over HTTP, on both databases.</summary>
public sealed class RefundApiTests : ApiTestBase
{
    private async Task<Guid> PaidAsync(decimal amount = 25m)
    {
        var link = await CreateAsync($$"""{"title":"Concert","amount":{{amount}},"currency":"EUR"}""");
        var payments = App.Services.GetRequiredService<PaymentService>();
        return (await payments.CompleteAsync((await payments.StartAsync(link.GetProperty("public_id").GetString()!)).Value.Id)).Value.Id;
    }

    private Task<HttpResponseMessage> RefundAsync(Guid paymentId, string body, HttpClient? client = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/{paymentId}/refunds") { Content = Json(body) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return (client ?? Api).SendAsync(request);
    }

    [Fact]
    public async Task Ten_then_the_rest_of_a_payment_is_refunded_and_the_payment_shows_each_step()
    {
        var paymentId = await PaidAsync();

        var first = await RefundAsync(paymentId, """{"amount":10}""");
        var partly = await BodyAsync(await Api.GetAsync($"/api/v1/payments/{paymentId}"));
        var rest = await RefundAsync(paymentId, "");
        var whole = await BodyAsync(await Api.GetAsync($"/api/v1/payments/{paymentId}"));
        var more = await RefundAsync(paymentId, """{"amount":1}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var refund = await BodyAsync(first);
        Assert.Equal((10.00m, "requested_by_customer", "PENDING", false), (refund.GetProperty("amount").GetDecimal(),
            refund.GetProperty("reason").GetString(), refund.GetProperty("status").GetString(), refund.GetProperty("livemode").GetBoolean()));
        Assert.Equal(("PARTIALLY_REFUNDED", 10.00m, 1), (partly.GetProperty("status").GetString(), partly.GetProperty("amount_refunded").GetDecimal(),
            partly.GetProperty("refunds").GetArrayLength()));
        Assert.Equal((HttpStatusCode.Created, 15.00m), (rest.StatusCode, (await BodyAsync(rest)).GetProperty("amount").GetDecimal()));
        Assert.Equal(("REFUNDED", 25.00m), (whole.GetProperty("status").GetString(), whole.GetProperty("amount_refunded").GetDecimal()));
        await AssertErrorAsync(more, HttpStatusCode.Conflict, "invalid_transition");
        var listed = await BodyAsync(await Api.GetAsync($"/api/v1/payments/{paymentId}/refunds"));
        Assert.Equal([10.00m, 15.00m], listed.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("amount").GetDecimal()));
    }

    [Theory]
    [InlineData("""{"amount":"12,50"}""", "amount")]
    [InlineData("""{"amount":0}""", "amount")]
    [InlineData("""{"amount":-3}""", "amount")]
    [InlineData("""{"amount":25.01}""", "amount")]
    [InlineData("""{"amount":1.005}""", "amount")]
    [InlineData("""{"reason":"because"}""", "reason")]
    [InlineData("""{"amount":1,"note":"extra"}""", "note")]
    public async Task A_bad_refund_is_a_400_naming_its_field_and_nothing_is_refunded(string body, string field)
    {
        var paymentId = await PaidAsync();

        var refused = await RefundAsync(paymentId, body);

        await AssertErrorAsync(refused, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains(field, await refused.Content.ReadAsStringAsync());
        await using var db = App.NewContext();
        Assert.False(await db.Refunds.AnyAsync());
    }

    [Fact]
    public async Task Another_merchants_the_other_modes_an_unknown_and_an_unfinished_payment_are_404_or_409()
    {
        var paymentId = await PaidAsync();
        var stranger = await App.ApiClientAsync(await App.NewMerchantAsync("Stranger"));
        var live = await App.ApiClientAsync(Merchant with { Livemode = true });
        var link = await CreateAsync();
        var pending = (await App.Services.GetRequiredService<PaymentService>().StartAsync(link.GetProperty("public_id").GetString()!)).Value;

        await AssertErrorAsync(await RefundAsync(paymentId, "{}", stranger), HttpStatusCode.NotFound, "resource_missing");
        await AssertErrorAsync(await RefundAsync(paymentId, "{}", live), HttpStatusCode.NotFound, "resource_missing");
        await AssertErrorAsync(await stranger.GetAsync($"/api/v1/payments/{paymentId}/refunds"), HttpStatusCode.NotFound, "resource_missing");
        await AssertErrorAsync(await RefundAsync(Guid.NewGuid(), "{}"), HttpStatusCode.NotFound, "resource_missing");
        await AssertErrorAsync(await Api.PostAsync("/api/v1/payments/not-a-payment/refunds", Json("{}")), HttpStatusCode.NotFound, "resource_missing");
        await AssertErrorAsync(await RefundAsync(pending.Id, "{}"), HttpStatusCode.Conflict, "invalid_transition");
        await using var db = App.NewContext();
        Assert.False(await db.Refunds.AnyAsync());
    }

    [Fact]
    public async Task Two_concurrent_refunds_of_the_last_fifteen_are_one_201_and_one_409()
    {
        var paymentId = await PaidAsync(40m);
        Assert.Equal(HttpStatusCode.Created, (await RefundAsync(paymentId, """{"amount":25}""")).StatusCode);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return (await RefundAsync(paymentId, """{"amount":15}""")).StatusCode;
        })).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(racing);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Order());
        await using var db = App.NewContext();
        Assert.Equal(4000, (await db.PaymentAttempts.SingleAsync(a => a.Id == paymentId)).RefundedMinor);
        Assert.Equal(2, await db.Refunds.CountAsync(r => r.PaymentId == paymentId));
    }

    [Fact]
    public async Task A_keyed_refund_sent_again_is_the_same_refund()
    {
        var paymentId = await PaidAsync();

        var first = await RefundAsync(paymentId, """{"amount":5,"reason":"duplicate"}""", key: "refund-1");
        var again = await RefundAsync(paymentId, """{"amount":5,"reason":"duplicate"}""", key: "refund-1");
        var otherBody = await RefundAsync(paymentId, """{"amount":6,"reason":"duplicate"}""", key: "refund-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        await AssertErrorAsync(otherBody, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await using var db = App.NewContext();
        Assert.Equal(500, (await db.Refunds.SingleAsync()).AmountMinor);
    }
}
