using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
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
        var key = (await keys.CreateAsync(Merchant, "to revoke")).Value;
        var client = App.CreateClient(new WebApplicationFactoryClientOptions());
        client.DefaultRequestHeaders.Add("x-api-key", key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/payment-links")).StatusCode);
        Assert.NotNull((await keys.ListAsync(Merchant)).Single(k => k.Id == key.Key.Id).LastUsedAt);

        await keys.RevokeAsync(Merchant, key.Key.Id);

        await AssertErrorAsync(await client.GetAsync("/api/v1/payment-links"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_read_only_key_reads_but_every_change_is_403_insufficient_scope_and_writes_nothing()
    {
        var link = await CreateAsync();
        var id = link.GetProperty("id").GetString();
        var reader = await ClientWithKeyAsync(ApiKeyScope.Read);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/payment-links/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/payment-links")).StatusCode);
        await AssertErrorAsync(await reader.PostAsync("/api/v1/payment-links", Json("""{"title":"Sneaky","amount":1,"currency":"EUR"}""")), HttpStatusCode.Forbidden, "insufficient_scope");
        await AssertErrorAsync(await PatchAsync(reader, $"/api/v1/payment-links/{id}", """{"title":"Renamed"}"""), HttpStatusCode.Forbidden, "insufficient_scope");
        await AssertErrorAsync(await PatchAsync(reader, $"/api/v1/payment-links/{id}/status", """{"status":"inactive"}"""), HttpStatusCode.Forbidden, "insufficient_scope");
        await AssertErrorAsync(await reader.PostAsync($"/api/v1/payment-links/{id}/duplicate", null), HttpStatusCode.Forbidden, "insufficient_scope");
        await AssertErrorAsync(await reader.PostAsync($"/api/v1/payment-links/{id}/archive", null), HttpStatusCode.Forbidden, "insufficient_scope");

        var unchanged = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"));
        Assert.Equal(("Concert", "ACTIVE"), (unchanged.GetProperty("title").GetString(), unchanged.GetProperty("status").GetString()));
        Assert.Equal(1, (await BodyAsync(await Api.GetAsync("/api/v1/payment-links"))).GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task An_expired_key_is_401_like_a_revoked_one()
    {
        var keys = App.Services.GetRequiredService<ApiKeyService>();
        var key = (await keys.CreateAsync(Merchant, "short-lived", expiresAt: DateTimeOffset.UtcNow.AddDays(1))).Value;
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/payment-links")).StatusCode);

        await using (var db = App.NewContext())
            await db.ApiKeys.Where(k => k.Id == key.Key.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));

        var refused = await client.GetAsync("/api/v1/payment-links");
        await AssertErrorAsync(refused, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("expired", (await BodyAsync(refused)).GetProperty("details").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_merchant_has_at_most_twenty_keys_in_use_and_none_that_has_already_expired()
    {
        var keys = App.Services.GetRequiredService<ApiKeyService>();
        var inUse = (await keys.ListAsync(Merchant)).Count; // the test client's own key
        for (var i = inUse; i < ApiKeyService.MaxUsableKeys; i++)
            Assert.True((await keys.CreateAsync(Merchant, $"key {i}")).IsSuccess);

        var tooMany = await keys.CreateAsync(Merchant, "one more");
        var pastExpiry = await keys.CreateAsync(Merchant, "already over", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Contains("20 keys in use", tooMany.Refusal!.Fields[0].Message);
        Assert.Equal("expires_at", pastExpiry.Refusal!.Fields[0].Field);
        await keys.RevokeAsync(Merchant, (await keys.ListAsync(Merchant))[0].Id);
        Assert.True((await keys.CreateAsync(Merchant, "one more")).IsSuccess);
    }

    private async Task<HttpClient> ClientWithKeyAsync(ApiKeyScope scope)
    {
        var key = (await App.Services.GetRequiredService<ApiKeyService>().CreateAsync(Merchant, scope.ToString(), scope)).Value;
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", key.Secret);
        return client;
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
