using System.Net;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary><c>GET /api/v1/events</c>: the audit log over the API, newest first, paged, for a key whose role may see it.</summary>
public sealed class EventApiTests : ApiTestBase
{
    [Fact]
    public async Task The_log_lists_what_keys_did_newest_first_with_the_key_and_the_changes_and_pages_on()
    {
        var link = await CreateAsync();
        var id = link.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"title":"Concert, second night"}""")).StatusCode);

        var newest = await BodyAsync(await Api.GetAsync("/api/v1/events?limit=1"));
        var edited = Assert.Single(newest.GetProperty("data").EnumerateArray());
        Assert.Equal("link.edited", edited.GetProperty("kind").GetString());
        Assert.Equal(id, edited.GetProperty("subject_id").GetString());
        Assert.Equal(("api_key", "tests"), (edited.GetProperty("actor").GetProperty("type").GetString(), edited.GetProperty("actor").GetProperty("name").GetString()));
        Assert.Equal(["Concert", "Concert, second night"], edited.GetProperty("changes").GetProperty("title").EnumerateArray().Select(v => v.GetString()));
        Assert.True(newest.GetProperty("has_more").GetBoolean());

        var older = await BodyAsync(await Api.GetAsync($"/api/v1/events?limit=5&starting_after={edited.GetProperty("id").GetInt64()}"));
        var created = older.GetProperty("data").EnumerateArray().First();
        Assert.Equal(("link.created", id), (created.GetProperty("kind").GetString(), created.GetProperty("subject_id").GetString()));
    }

    [Fact]
    public async Task A_key_whose_role_may_not_see_the_activity_gets_403_and_a_bad_cursor_gets_400()
    {
        var support = await App.ApiClientAsync(Merchant, role: MemberRole.Support, name: "support key");

        await AssertErrorAsync(await support.GetAsync("/api/v1/events"), HttpStatusCode.Forbidden, "forbidden");
        var refused = (await BodyAsync(await Api.GetAsync("/api/v1/events?kind=access.refused"))).GetProperty("data").EnumerateArray().Single();
        Assert.Equal("support key", refused.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("Refused: seeing the activity log, which the Support role does not allow.", refused.GetProperty("summary").GetString());

        await AssertErrorAsync(await Api.GetAsync("/api/v1/events?starting_after=yesterday"), HttpStatusCode.BadRequest, "invalid_request");
        await AssertErrorAsync(await Api.GetAsync("/api/v1/events?limit=1000"), HttpStatusCode.BadRequest, "invalid_request");
    }
}
