using System.Collections.Concurrent;
using System.Text;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Links;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace PaymentLinks.Dashboard.Tests.Reliability;

/// <summary>
/// Mixed load (customers paying, API reads and changes, anonymous pages) on the app process for a bounded time:
/// no 5xx, and memory and open handles level off instead of climbing. 20 seconds in the test suite;
/// <c>scripts/soak.sh</c> runs it for 10 minutes (SOAK_SECONDS).
/// </summary>
public sealed class SoakTests(ITestOutputHelper output) : AppProcessTest
{
    private const int Seed = 20261124;
    private readonly ConcurrentBag<string> _serverErrors = [];
    private int _requests;

    private static TimeSpan Duration => TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), out var seconds) ? seconds : 20);

    [Fact]
    public async Task Mixed_load_for_a_bounded_time_gives_no_5xx_and_flat_memory_and_handles()
    {
        var merchant = await Harness.NewMerchantAsync("Soak Sandwiches");
        var links = new List<LinkView>();
        for (var i = 0; i < 5; i++)
            links.Add((await Harness.Links.CreateAsync(merchant, new LinkSettings { Title = $"Sandwich {i}", Amount = 6m, Currency = "EUR", MaxUsages = 1_000_000 }, publish: true)).Value);
        var key = (await Harness.Services.GetRequiredService<ApiKeyService>().CreateAsync(merchant, "soak")).Value.Secret;

        using var stop = new CancellationTokenSource(Duration);
        var workers = Enumerable.Range(0, 4).Select(i => WorkAsync(links, key, new Random(Seed + i), stop.Token)).ToList();
        var samples = new List<(long WorkingSet, int Handles)>();
        while (!stop.IsCancellationRequested)
        {
            samples.Add(App.Sample());
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
        await Task.WhenAll(workers);

        // The first quarter is warm-up (JIT, pools, caches); after it, the last quarter is compared with the second.
        var settled = samples.Skip(samples.Count / 4).ToList();
        var (early, late) = (settled.Take(settled.Count / 3).ToList(), settled.TakeLast(settled.Count / 3).ToList());
        var (earlyMemory, lateMemory) = (early.Average(s => s.WorkingSet) / 1e6, late.Average(s => s.WorkingSet) / 1e6);
        var (earlyHandles, lateHandles) = (early.Average(s => s.Handles), late.Average(s => s.Handles));
        output.WriteLine($"{Duration.TotalSeconds:0} s, {_requests} requests ({_requests / Duration.TotalSeconds:0}/s), {_serverErrors.Count} server errors; " +
                         $"memory {earlyMemory:0} MB -> {lateMemory:0} MB ({lateMemory / earlyMemory:0.00}x); handles {earlyHandles:0} -> {lateHandles:0}");
        Assert.Empty(_serverErrors);
        Assert.True(lateMemory <= earlyMemory * 1.5, $"Memory kept climbing: {earlyMemory:0} MB -> {lateMemory:0} MB.");
        Assert.True(lateHandles <= earlyHandles * 1.25 + 20, $"Handles kept climbing: {earlyHandles:0} -> {lateHandles:0}.");
    }

    /// <summary>One client doing what merchants and customers do, in a seeded random mix.</summary>
    private async Task WorkAsync(IReadOnlyList<LinkView> links, string key, Random random, CancellationToken stop)
    {
        using var api = new HttpClient { BaseAddress = App.BaseAddress };
        api.DefaultRequestHeaders.Add("x-api-key", key);
        while (!stop.IsCancellationRequested)
        {
            var link = links[random.Next(links.Count)];
            int status;
            switch (random.Next(5))
            {
                case 0:
                    using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress })
                        status = (int)(await new CheckoutCustomer(browser).PayAsync(link.PublicId)).Status;
                    break;
                case 1:
                    status = await StatusOfAsync(api.GetAsync($"api/v1/payment-links?limit=50&q=Sandwich"));
                    break;
                case 2:
                    status = await StatusOfAsync(api.PatchAsync($"api/v1/payment-links/{link.Id}",
                        new StringContent($$"""{"description":"Soaked {{random.Next()}}"}""", Encoding.UTF8, "application/json")));
                    break;
                case 3:
                    status = await StatusOfAsync(api.GetAsync($"api/v1/payment-links/{link.PublicId}"));
                    break;
                default:
                    status = await StatusOfAsync(api.GetAsync(random.Next(2) == 0 ? "account/login" : "health"));
                    break;
            }
            Interlocked.Increment(ref _requests);
            if (status >= 500)
                _serverErrors.Add($"answered {status}");
        }
    }

    private static async Task<int> StatusOfAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return (int)response.StatusCode;
    }
}
