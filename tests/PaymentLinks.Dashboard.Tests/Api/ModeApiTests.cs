using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary>Test mode and live mode over the API: the key chooses the mode, and the other mode's data does not exist for it.</summary>
public sealed class ModeApiTests : ApiTestBase
{
    private const string Draft = """{"title":"Live draft","amount":20,"currency":"EUR","status":"DRAFT"}""";
    private HttpClient LiveApi { get; set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        LiveApi = await App.ApiClientAsync(Merchant with { Livemode = true });
    }

    [Fact]
    public async Task Keys_are_named_by_their_mode()
    {
        var keys = App.Services.GetRequiredService<ApiKeyService>();

        var test = (await keys.CreateAsync(Merchant, "test")).Value;
        var live = (await keys.CreateAsync(Merchant with { Livemode = true }, "live")).Value;

        Assert.Matches("^plk_test_[0-9A-Za-z]{40}$", test.Secret);
        Assert.Matches("^plk_live_[0-9A-Za-z]{40}$", live.Secret);
        Assert.Equal((false, true), (test.Key.Livemode, live.Key.Livemode));
        Assert.DoesNotContain(await keys.ListAsync(Merchant), k => k.Id == live.Key.Id);
        Assert.DoesNotContain(await keys.ListAsync(Merchant with { Livemode = true }), k => k.Id == test.Key.Id);
    }

    [Fact]
    public async Task A_test_key_gets_404_for_a_live_link_and_a_live_key_for_a_test_link_or_payment()
    {
        var testLink = await CreateAsync();
        var liveLink = await CreateAsync(Draft, LiveApi);
        var payments = App.Services.GetRequiredService<PaymentService>();
        var paid = (await payments.CompleteAsync((await payments.StartAsync(testLink.GetProperty("public_id").GetString()!)).Value.Id)).Value;

        Assert.Equal((false, true), (testLink.GetProperty("livemode").GetBoolean(), liveLink.GetProperty("livemode").GetBoolean()));
        foreach (var (client, link) in new[] { (LiveApi, testLink), (Api, liveLink) })
        {
            var id = link.GetProperty("id").GetString();
            await AssertErrorAsync(await client.GetAsync($"/api/v1/payment-links/{id}"), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await client.GetAsync($"/api/v1/payment-links/{link.GetProperty("public_id").GetString()}"), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await PatchAsync(client, $"/api/v1/payment-links/{id}", """{"title":"Taken over"}"""), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await client.PostAsync($"/api/v1/payment-links/{id}/archive", null), HttpStatusCode.NotFound, "resource_missing");
            await AssertErrorAsync(await client.GetAsync($"/api/v1/payment-links/{id}/payments"), HttpStatusCode.NotFound, "resource_missing");
        }
        await AssertErrorAsync(await LiveApi.GetAsync($"/api/v1/payments/{paid.Id}"), HttpStatusCode.NotFound, "resource_missing");
        var payment = await BodyAsync(await Api.GetAsync($"/api/v1/payments/{paid.Id}"));
        Assert.False(payment.GetProperty("livemode").GetBoolean());

        var testList = await BodyAsync(await Api.GetAsync("/api/v1/payment-links?limit=1"));
        var liveList = await BodyAsync(await LiveApi.GetAsync("/api/v1/payment-links?limit=1"));
        Assert.Equal((1, 1), (testList.GetProperty("total_count").GetInt32(), liveList.GetProperty("total_count").GetInt32()));
        Assert.Equal("Live draft", liveList.GetProperty("data")[0].GetProperty("title").GetString());
        Assert.Equal("Concert", (await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{testLink.GetProperty("id").GetString()}"))).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_live_link_is_not_published_without_a_provider_and_stays_the_draft_it_was()
    {
        var published = await LiveApi.PostAsync("/api/v1/payment-links", Json("""{"title":"Live now","amount":20,"currency":"EUR"}"""));
        await AssertErrorAsync(published, HttpStatusCode.Conflict, "invalid_transition");
        Assert.Contains("see Payment provider (/settings/payments)", (await BodyAsync(published)).GetProperty("details").GetProperty("reason").GetString());
        var draft = await CreateAsync(Draft, LiveApi);
        var id = draft.GetProperty("id").GetString();

        var activated = await PatchAsync(LiveApi, $"/api/v1/payment-links/{id}/status", """{"status":"active"}""");
        var patched = await PatchAsync(LiveApi, $"/api/v1/payment-links/{id}", """{"status":"ACTIVE","title":"Renamed on the way"}""");

        await AssertErrorAsync(activated, HttpStatusCode.Conflict, "invalid_transition");
        await AssertErrorAsync(patched, HttpStatusCode.Conflict, "invalid_transition");
        var after = await BodyAsync(await LiveApi.GetAsync($"/api/v1/payment-links/{id}"));
        Assert.Equal(("DRAFT", "Live draft", draft.GetProperty("version").GetInt32()),
            (after.GetProperty("status").GetString(), after.GetProperty("title").GetString(), after.GetProperty("version").GetInt32()));
        Assert.Equal(1, (await BodyAsync(await LiveApi.GetAsync("/api/v1/payment-links"))).GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task One_idempotency_key_used_in_each_mode_makes_one_link_in_each()
    {
        var answers = new List<HttpResponseMessage>();
        foreach (var client in new[] { Api, LiveApi, LiveApi })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payment-links") { Content = Json(Draft) };
            request.Headers.Add("Idempotency-Key", "order-7");
            answers.Add(await client.SendAsync(request));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var (test, live, replay) = (await BodyAsync(answers[0]), await BodyAsync(answers[1]), await BodyAsync(answers[2]));
        Assert.NotEqual(test.GetProperty("id").GetString(), live.GetProperty("id").GetString());
        Assert.Equal(live.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Equal((false, false, true), (answers[0].Headers.Contains("Idempotent-Replayed"), answers[1].Headers.Contains("Idempotent-Replayed"),
            answers[2].Headers.Contains("Idempotent-Replayed")));
    }

    [Fact]
    public async Task A_key_made_before_there_were_modes_works_as_a_test_key()
    {
        // As the migration leaves one: "plk_" and 40 characters, in test mode, where everything made with it lives.
        var secret = "plk_" + new string('k', 40);
        await using (var db = App.NewContext())
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
            db.ApiKeys.Add(new ApiKey(Guid.CreateVersion7(), Merchant.MerchantId, livemode: false, "from release one", secret[..12], hash, DateTimeOffset.UtcNow, MemberRole.Owner));
            await db.SaveChangesAsync();
        }
        var old = App.CreateClient();
        old.DefaultRequestHeaders.Add("x-api-key", secret);
        var testLink = await CreateAsync();

        var read = await old.GetAsync($"/api/v1/payment-links/{testLink.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False((await BodyAsync(read)).GetProperty("livemode").GetBoolean());
    }
}
