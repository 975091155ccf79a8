using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Links;
using Xunit.Abstractions;

namespace PaymentLinks.Dashboard.Tests.Reliability;

/// <summary>
/// A merchant's system sends keyed creates and PATCHes from eight clients while the server is SIGKILLed and started
/// again; a request cut off by a kill is sent again with the same key and body until it is answered. Every attempt
/// to a running server answers within 5 s, every answer is 2xx, and every key had exactly one effect: one link
/// per keyed create, one version per keyed edit. Afterwards each key replays the answer its client got.
/// </summary>
public sealed class IdempotencyCrashTests(ITestOutputHelper output) : AppProcessTest
{
    private const int Seed = 20261203;
    private const int Kills = 4;
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, KeyedCall> _answered = new();
    private readonly ConcurrentBag<string> _failures = [];

    [Fact]
    public async Task Keyed_writes_in_flight_across_kills_take_effect_once_and_their_retries_answer_in_time()
    {
        var merchant = await Harness.NewMerchantAsync("Keyed Crash Shop");
        var edited = new List<LinkView>();
        for (var i = 0; i < 3; i++)
            edited.Add((await Harness.Links.CreateAsync(merchant, new LinkSettings { Title = $"Edited {i}", Amount = 2m, Currency = "EUR" }, publish: true)).Value);
        var secret = (await Harness.Services.GetRequiredService<ApiKeyService>().CreateAsync(merchant, "keyed crash")).Value.Secret;

        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(i => ClientAsync(i, edited, secret, new Random(Seed + i), stop.Token)).ToList();
        var random = new Random(Seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 2500)));
            await App.KillAsync();
            await App.StartAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Empty(_failures);
        var calls = _answered.Values.ToList();
        var retriedAfterKill = calls.Count(c => c.Attempts > 1);
        Assert.True(retriedAfterKill > 0, "no request was cut off by a kill, so nothing was retried");
        await using var db = Harness.NewContext();
        foreach (var create in calls.Where(c => c.LinkId is null))
            Assert.Equal(1, await db.PaymentLinks.CountAsync(l => l.Title == create.Key));
        foreach (var link in edited)
        {
            var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
            Assert.Equal(link.Version + calls.Count(c => c.LinkId == link.Id), stored.Version);
        }
        using var http = Client(secret);
        foreach (var call in calls)
        {
            using var replay = await http.SendAsync(call.Request());
            Assert.Equal(("true", call.Answer), (replay.Headers.GetValues("Idempotent-Replayed").Single(), await replay.Content.ReadAsStringAsync()));
        }
        output.WriteLine($"{Kills} kills; {calls.Count} keys answered, {retriedAfterKill} of them after a retry; " +
                         $"slowest answer {calls.Max(c => c.Slowest).TotalMilliseconds:F0} ms");
    }

    /// <summary>One key after another: each sent until a running server answers it.</summary>
    private async Task ClientAsync(int client, IReadOnlyList<LinkView> links, string secret, Random random, CancellationToken stop)
    {
        using var http = Client(secret);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = $"client-{client}-{n}";
            var call = random.Next(2) == 0 ? new KeyedCall(key, null) : new KeyedCall(key, links[random.Next(links.Count)].Id);
            while (true)
            {
                call.Attempts++;
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(call.Request(), CancellationToken.None);
                    call.Slowest = TimeSpan.FromTicks(Math.Max(call.Slowest.Ticks, clock.Elapsed.Ticks));
                    if (!response.IsSuccessStatusCode)
                        _failures.Add($"{key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    call.Answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    _answered[key] = call;
                    break;
                }
                catch (TaskCanceledException)
                {
                    _failures.Add($"{key} (attempt {call.Attempts}) had no answer within {AnswerWithin.TotalSeconds} s");
                    break;
                }
                catch (Exception error) when (error is HttpRequestException or IOException)
                {
                    await Task.Delay(50, CancellationToken.None); // killed mid-request, or not started yet: the same key again
                }
            }
        }
    }

    private HttpClient Client(string secret)
    {
        var http = new HttpClient { BaseAddress = App.BaseAddress, Timeout = AnswerWithin };
        http.DefaultRequestHeaders.Add("x-api-key", secret);
        return http;
    }

    /// <summary>A create titled by its key, or an edit of a link's description to its key.</summary>
    private sealed class KeyedCall(string key, Guid? linkId)
    {
        public string Key => key;
        public Guid? LinkId => linkId;
        public int Attempts { get; set; }
        public TimeSpan Slowest { get; set; }
        public string Answer { get; set; } = "";

        public HttpRequestMessage Request()
        {
            var request = linkId is { } id
                ? new HttpRequestMessage(HttpMethod.Patch, $"api/v1/payment-links/{id}") { Content = Json(new { description = key }) }
                : new HttpRequestMessage(HttpMethod.Post, "api/v1/payment-links") { Content = Json(new { title = key, amount = 3, currency = "EUR" }) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }
}
