using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PaymentLinks.Dashboard.Tests.Api;

public sealed class IdempotencyTests : ApiTestBase
{
    private const string Body = """{"title":"Once only","amount":5,"currency":"EUR"}""";

    [Fact]
    public async Task The_same_key_and_body_replay_the_first_response_and_create_once()
    {
        var first = await PostWithKeyAsync("key-1", Body);
        var second = await PostWithKeyAsync("key-1", Body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await LinkCountAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_changes_nothing()
    {
        await PostWithKeyAsync("key-2", Body);

        var reused = await PostWithKeyAsync("key-2", Body.Replace("Once only", "Something else"));

        await AssertErrorAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(1, await LinkCountAsync());
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_execute_once_and_all_get_the_same_answer()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            var response = await PostWithKeyAsync("key-3", Body);
            return (response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        })).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Text).Distinct());
        Assert.Equal(1, await LinkCountAsync());
    }

    [Fact]
    public async Task A_patch_with_a_key_is_replayed_without_running_again()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();
        var disable = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/payment-links/{id}") { Content = Json("""{"status":"DISABLED"}""") };
        disable.Headers.Add("Idempotency-Key", "patch-1");
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(disable)).StatusCode);
        await PatchAsync(Api, $"/api/v1/payment-links/{id}", """{"status":"ACTIVE"}""");

        var replay = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/payment-links/{id}") { Content = Json("""{"status":"DISABLED"}""") };
        replay.Headers.Add("Idempotency-Key", "patch-1");
        var replayed = await Api.SendAsync(replay);

        Assert.Equal("DISABLED", (await BodyAsync(replayed)).GetProperty("status").GetString());
        Assert.Equal("ACTIVE", (await BodyAsync(await Api.GetAsync($"/api/v1/payment-links/{id}"))).GetProperty("status").GetString());
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payment-links") { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await Api.SendAsync(request);
    }

    private async Task<int> LinkCountAsync()
    {
        await using var db = App.NewContext();
        return await db.PaymentLinks.CountAsync();
    }
}
