using System.Net;

namespace PaymentLinks.Dashboard.Tests.Api;

public sealed class RateLimitTests() : ApiTestBase(new Dictionary<string, string>
{
    ["Api:RateLimit:PermitLimit"] = "3",
    ["Api:RateLimit:Window"] = "00:01:00",
})
{
    [Fact]
    public async Task Past_the_limit_a_key_gets_429_with_retry_after_while_another_key_is_unaffected()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync("/api/v1/payment-links")).StatusCode);

        var limited = await Api.GetAsync("/api/v1/payment-links");

        await AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        var otherKey = await App.ApiClientAsync(Merchant);
        Assert.Equal(HttpStatusCode.OK, (await otherKey.GetAsync("/api/v1/payment-links")).StatusCode);
    }
}
