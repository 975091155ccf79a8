using System.Net;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Api;

namespace PaymentLinks.Dashboard.Tests.Api;

public sealed class PaymentLinkApiTests : ApiTestBase
{
    [Fact]
    public async Task Create_then_get_by_uuid_and_public_id_and_list()
    {
        var created = await CreateAsync("""{"title":"Jazz night","amount":25.50,"currency":"eur","max_usages":40,"redirect_url":"https://club.example/thanks"}""");

        Assert.Equal("ACTIVE", created.GetProperty("status").GetString());
        Assert.True(created.GetProperty("is_active").GetBoolean());
        Assert.Equal((25.50m, "EUR", 40, 0), (created.GetProperty("amount").GetDecimal(), created.GetProperty("currency").GetString(),
            created.GetProperty("max_usages").GetInt32(), created.GetProperty("usages").GetInt32()));
        var id = created.GetProperty("id").GetString();
        var publicId = created.GetProperty("public_id").GetString();
        Assert.EndsWith($"/pay/{publicId}", created.GetProperty("url").GetString());

        var byId = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"));
        var byPublicId = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{publicId}"));
        Assert.Equal(id, byId.GetProperty("id").GetString());
        Assert.Equal(id, byPublicId.GetProperty("id").GetString());

        var list = await BodyAsync(await Api.GetAsync("/api/v1/payment-links?status=active&limit=10"));
        Assert.Equal(1, list.GetProperty("total_count").GetInt32());
        Assert.Equal(id, list.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.False(list.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task A_link_can_be_created_as_a_draft_and_duplicated()
    {
        var draft = await CreateAsync("""{"title":"Draft","amount":10,"currency":"USD","status":"draft"}""");
        Assert.Equal("DRAFT", draft.GetProperty("status").GetString());

        var copy = await Api.PostAsync($"/api/v1/payment-links/{draft.GetProperty("id")}/duplicate", null);

        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var body = await BodyAsync(copy);
        Assert.Equal(("DRAFT", "Copy of Draft"), (body.GetProperty("status").GetString(), body.GetProperty("title").GetString()));
        Assert.NotEqual(draft.GetProperty("id").GetString(), body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_huge_amount_hidden_characters_and_an_oversized_body_are_refused_and_write_nothing()
    {
        var huge = await Api.PostAsync("/api/v1/payment-links", Json("""{"title":"Yacht","amount":1e27,"currency":"EUR"}"""));
        await AssertErrorAsync(huge, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal("amount", (await BodyAsync(huge)).GetProperty("details")[0].GetProperty("field").GetString());

        var spoof = await Api.PostAsync("/api/v1/payment-links", Json("""{"title":"Gift card \u202E00.01","amount":10,"currency":"EUR"}"""));
        await AssertErrorAsync(spoof, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("text-direction", (await BodyAsync(spoof)).GetProperty("details")[0].GetProperty("message").GetString());

        var padded = $$"""{"title":"Poster","amount":10,"currency":"EUR","description":"{{new string('x', ApiBody.MaxBytes)}}"}""";
        await AssertErrorAsync(await Api.PostAsync("/api/v1/payment-links", Json(padded)), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        await using var db = App.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_per_field_details_and_writes_nothing()
    {
        var invalid = await Api.PostAsync("/api/v1/payment-links", Json("""{"title":"","amount":0,"currency":"XXX","max_usages":0,"redirect_url":"http://evil.example"}"""));
        await AssertErrorAsync(invalid, HttpStatusCode.BadRequest, "invalid_request");
        var fields = (await BodyAsync(invalid)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(["amount", "currency", "max_usages", "redirect_url", "title"], fields.Order());

        await AssertErrorAsync(await Api.PostAsync("/api/v1/payment-links", Json("{not json")), HttpStatusCode.BadRequest, "invalid_request");
        await AssertErrorAsync(await Api.PostAsync("/api/v1/payment-links", Json("""{"title":"x","amount":"ten","currency":"EUR"}""")), HttpStatusCode.BadRequest, "invalid_request");
        var unknown = await Api.PostAsync("/api/v1/payment-links", Json("""{"title":"x","amount":1,"currency":"EUR","colour":"red"}"""));
        Assert.Equal("colour", (await BodyAsync(unknown)).GetProperty("details")[0].GetProperty("field").GetString());
        await AssertErrorAsync(await Api.GetAsync("/api/v1/payment-links?limit=500"), HttpStatusCode.BadRequest, "invalid_request");

        await using var db = App.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public async Task If_match_refuses_a_change_based_on_a_stale_version_and_changes_nothing()
    {
        var id = (await CreateAsync("""{"title":"Poster","amount":10,"currency":"EUR"}""")).GetProperty("id").GetString();
        var read = await Api.GetAsync($"/api/v1/payment-links/{id}");
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal($"\"{(await BodyAsync(read)).GetProperty("version").GetInt32()}\"", etag);

        var renamed = await SendAsync(HttpMethod.Patch, $"/api/v1/payment-links/{id}", """{"title":"Poster A2"}""", etag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.NotEqual(etag, renamed.Headers.ETag!.Tag);

        // A second client still holding the first version: every write route refuses it.
        await AssertErrorAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/payment-links/{id}", """{"title":"Poster A3"}""", etag),
            HttpStatusCode.PreconditionFailed, "precondition_failed");
        await AssertErrorAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/payment-links/{id}/status", """{"status":"inactive"}""", etag),
            HttpStatusCode.PreconditionFailed, "precondition_failed");
        await AssertErrorAsync(await SendAsync(HttpMethod.Post, $"/api/v1/payment-links/{id}/archive", "", etag),
            HttpStatusCode.PreconditionFailed, "precondition_failed");
        await AssertErrorAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/payment-links/{id}", """{"title":"x"}""", "yesterday"),
            HttpStatusCode.BadRequest, "invalid_request");

        var stored = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"));
        Assert.Equal(("Poster A2", "ACTIVE"), (stored.GetProperty("title").GetString(), stored.GetProperty("status").GetString()));
        var fresh = await SendAsync(HttpMethod.Patch, $"/api/v1/payment-links/{id}/status", """{"status":"inactive"}""", renamed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Twenty_clients_patching_with_one_etag_at_once_make_exactly_one_change()
    {
        var created = await CreateAsync("""{"title":"Raffle","amount":2,"currency":"EUR"}""");
        var id = created.GetProperty("id").GetString();
        var etag = $"\"{created.GetProperty("version").GetInt32()}\"";

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            SendAsync(HttpMethod.Patch, $"/api/v1/payment-links/{id}", $$"""{"title":"Raffle {{i}}"}""", etag))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await BodyAsync(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        var stored = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"));
        Assert.Equal(winner.GetProperty("title").GetString(), stored.GetProperty("title").GetString());
        Assert.Equal(created.GetProperty("version").GetInt32() + 1, stored.GetProperty("version").GetInt32());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string json, string ifMatch)
    {
        using var request = new HttpRequestMessage(method, url) { Content = Json(json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Api.SendAsync(request);
    }

    [Fact]
    public async Task Requests_no_route_takes_get_json_errors_never_dashboard_pages()
    {
        var wordyPaging = await Api.GetAsync("/api/v1/payment-links?limit=ten&offset=-1");
        await AssertErrorAsync(wordyPaging, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(["limit", "offset"], (await BodyAsync(wordyPaging)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));

        // curl -d without a Content-Type header sends a form; the API says what it wants instead.
        var form = await Api.PostAsync("/api/v1/payment-links", new FormUrlEncodedContent([new("title", "Poster")]));
        await AssertErrorAsync(form, HttpStatusCode.UnsupportedMediaType, "invalid_request");
        Assert.Equal("Content-Type", (await BodyAsync(form)).GetProperty("details")[0].GetProperty("field").GetString());

        await AssertErrorAsync(await Api.GetAsync("/api/v1/refunds"), HttpStatusCode.NotFound, "resource_missing");
        await AssertErrorAsync(await Api.DeleteAsync("/api/v1/payment-links"), HttpStatusCode.NotFound, "resource_missing");
        await using var db = App.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public async Task Status_changes_in_the_first_sources_style_with_a_bearer_key()
    {
        var bearer = await App.ApiClientAsync(Merchant, bearer: true);
        var id = (await CreateAsync(client: bearer)).GetProperty("id").GetString();

        var disabled = await PatchAsync(bearer, $"/api/v1/payment-links/{id}", """{ "status": "DISABLED" }""");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var body = await BodyAsync(disabled);
        Assert.Equal(("DISABLED", false), (body.GetProperty("status").GetString(), body.GetProperty("is_active").GetBoolean()));
        Assert.True(body.TryGetProperty("status_changed_at", out _) && body.TryGetProperty("updated_at", out _));

        var enabled = await BodyAsync(await PatchAsync(bearer, $"/api/v1/payment-links/{id}", """{ "status": "ACTIVE" }"""));
        Assert.Equal("ACTIVE", enabled.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_changes_in_the_third_sources_style_and_terminal_states_refuse_with_409()
    {
        var publicId = (await CreateAsync()).GetProperty("public_id").GetString();

        var inactive = await BodyAsync(await PatchAsync(Api, $"/api/v1/payment-links/{publicId}/status", """{"status":"Inactive"}"""));
        Assert.Equal("DISABLED", inactive.GetProperty("status").GetString());
        var active = await BodyAsync(await PatchAsync(Api, $"/api/v1/payment-links/{publicId}/status", """{"status":"ACTIVE"}"""));
        Assert.Equal("ACTIVE", active.GetProperty("status").GetString());
        var archived = await BodyAsync(await PatchAsync(Api, $"/api/v1/payment-links/{publicId}/status", """{"status":"archived"}"""));
        Assert.Equal("ARCHIVED", archived.GetProperty("status").GetString());

        var refused = await PatchAsync(Api, $"/api/v1/payment-links/{publicId}/status", """{"status":"active"}""");
        await AssertErrorAsync(refused, HttpStatusCode.Conflict, "invalid_transition");
        var details = (await BodyAsync(refused)).GetProperty("details");
        Assert.Equal(("ARCHIVED", "ACTIVE"), (details.GetProperty("from").GetString(), details.GetProperty("to").GetString()));
        Assert.Contains("terminal", details.GetProperty("reason").GetString());
        await AssertErrorAsync(await PatchAsync(Api, $"/api/v1/payment-links/{publicId}/status", """{"status":"paused"}"""), HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Patching_fields_follows_the_edit_rules()
    {
        var id = (await CreateAsync("""{"title":"Old","amount":10,"currency":"EUR","expires_at":"2099-01-01T00:00:00Z"}""")).GetProperty("id").GetString();

        var renamed = await BodyAsync(await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"title":"New","expires_at":null}"""));
        Assert.Equal("New", renamed.GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, renamed.GetProperty("expires_at").ValueKind);

        var repriced = await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"amount":12}""");
        await AssertErrorAsync(repriced, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal("amount", (await BodyAsync(repriced)).GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal(10m, (await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"))).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_patch_of_fields_and_status_is_all_or_nothing()
    {
        var id = (await CreateAsync("""{"title":"Before","amount":10,"currency":"EUR"}""")).GetProperty("id").GetString();

        var refused = await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"title":"After","status":"USED"}""");

        await AssertErrorAsync(refused, HttpStatusCode.Conflict, "invalid_transition");
        var stored = await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"));
        Assert.Equal(("Before", "ACTIVE"), (stored.GetProperty("title").GetString(), stored.GetProperty("status").GetString()));

        var both = await BodyAsync(await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"title":"After","status":"DISABLED"}"""));
        Assert.Equal(("After", "DISABLED"), (both.GetProperty("title").GetString(), both.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("expire", "EXPIRED")]
    [InlineData("deactivate", "DISABLED")]
    [InlineData("archive", "ARCHIVED")]
    public async Task Deprecated_aliases_still_work_and_say_they_are_deprecated(string alias, string status)
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();

        var response = await Api.PostAsync($"/api/v1/payment-links/{id}/{alias}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("Deprecation").Single());
        Assert.Equal(status, (await BodyAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Activate_alias_re_enables_a_disabled_link()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();
        await Api.PostAsync($"/api/v1/payment-links/{id}/deactivate", null);

        var activated = await Api.PostAsync($"/api/v1/payment-links/{id}/activate", null);

        Assert.Equal("ACTIVE", (await BodyAsync(activated)).GetProperty("status").GetString());
        Assert.True(activated.Headers.Contains("Deprecation"));
    }
}
