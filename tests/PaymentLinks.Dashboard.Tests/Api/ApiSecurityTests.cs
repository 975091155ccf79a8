using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.ApiKeys;

namespace PaymentLinks.Dashboard.Tests.Api;

public sealed class ApiSecurityTests : ApiTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("plk_notarealkeyatall")]
    [InlineData("plk_0000000000000000000000000000000000000000")]
    public async Task A_missing_or_unknown_key_is_401_unauthenticated(string? key)
    {
        var client = App.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("x-api-key", key);

        await AssertErrorAsync(await client.GetAsync("/api/v1/payment-links"), HttpStatusCode.Unauthorized, "unauthenticated");
        await AssertErrorAsync(await client.PostAsync("/api/v1/payment-links", Json("{}")), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_revoked_key_is_401_and_its_last_use_was_recorded()
    {
        var keys = App.Services.GetRequiredService<ApiKeyService>();
        var key = (await keys.CreateAsync(Merchant.MerchantId, "to revoke")).Value;
        var client = App.CreateClient(new WebApplicationFactoryClientOptions());
        client.DefaultRequestHeaders.Add("x-api-key", key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/payment-links")).StatusCode);
        Assert.NotNull((await keys.ListAsync(Merchant.MerchantId)).Single(k => k.Id == key.Key.Id).LastUsedAt);

        await keys.RevokeAsync(Merchant.MerchantId, key.Key.Id);

        await AssertErrorAsync(await client.GetAsync("/api/v1/payment-links"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Another_merchants_link_is_404_resource_missing_by_every_route()
    {
        var link = await CreateAsync();
        var id = link.GetProperty("id").GetString();
        var publicId = link.GetProperty("public_id").GetString();
        var other = await App.ApiClientAsync(await App.NewMerchantAsync("Other Api Shop"));

        foreach (var target in new[] { id, publicId })
        {
            await AssertErrorAsync(await other.GetAsync($"/api/v1/payment-links/{target}"), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await PatchAsync(other, $"/api/v1/payment-links/{target}", """{"status":"DISABLED"}"""), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await PatchAsync(other, $"/api/v1/payment-links/{target}/status", """{"status":"inactive"}"""), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await other.PostAsync($"/api/v1/payment-links/{target}/archive", null), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await other.PostAsync($"/api/v1/payment-links/{target}/duplicate", null), HttpStatusCode.NotFound, "resource_missing");
        }
        Assert.Equal(0, (await BodyAsync(await other.GetAsync("/api/v1/payment-links"))).GetProperty("total_count").GetInt32());
        Assert.Equal("ACTIVE", (await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_dashboards_sign_in_cookie_does_not_open_the_api()
    {
        var anonymous = App.CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync("/api/v1/payment-links"), HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
