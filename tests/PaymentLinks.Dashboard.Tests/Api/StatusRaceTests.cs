using System.Net;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary>Many clients changing one link's state at once: every answer is honest and the history is one valid chain.</summary>
public sealed class StatusRaceTests() : ApiTestBase(new Dictionary<string, string> { ["Api:RateLimit:PermitLimit"] = "1000" })
{
    [Fact]
    public async Task Sixty_parallel_status_changes_leave_one_unbroken_history_and_nothing_after_archive()
    {
        var id = (await CreateAsync("""{"title":"Contested","amount":5,"currency":"EUR"}""")).GetProperty("id").GetString();
        string[] targets = ["inactive", "active", "inactive", "active", "inactive", "active", "archived", "active", "inactive", "active"];

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            var target = targets[i % targets.Length];
            var response = await PatchAsync(Api, $"/api/v1/payment-links/{id}/status", $$"""{"status":"{{target}}"}""");
            return (Target: target, response.StatusCode, Body: await BodyAsync(response));
        })));

        // Every answer is the truth: a 200 shows the state asked for; a refusal comes only from the terminal state.
        var shown = new Dictionary<string, string> { ["active"] = "ACTIVE", ["inactive"] = "DISABLED", ["archived"] = "ARCHIVED" };
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.OK), a => Assert.Equal(shown[a.Target], a.Body.GetProperty("status").GetString()));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Equal("ARCHIVED", a.Body.GetProperty("details").GetProperty("from").GetString());
        });

        await using var db = App.NewContext();
        var link = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(id!));
        var history = await db.LinkStatusChanges.AsNoTracking().Where(c => c.LinkId == link.Id).OrderBy(c => c.Id).ToListAsync();
        // One chain: each change starts where the previous one ended, and each is a move the lifecycle table allows.
        Assert.Equal(LinkStatus.Draft, history[0].From);
        for (var i = 1; i < history.Count; i++)
            Assert.Equal(history[i - 1].To, history[i].From);
        Assert.All(history, c => Assert.True(c.IsLifecycleMove(), $"{c.From} -> {c.To}"));
        // Archived is terminal: reached once, last, and it is what is stored.
        Assert.Equal((LinkStatus.Archived, LinkStatus.Archived), (history[^1].To, link.Status));
        Assert.Single(history, c => c.To == LinkStatus.Archived);
    }
}
