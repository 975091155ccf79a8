using System.Net.Http.Headers;
using System.Net.Http.Json;
using PaymentLinks.Infrastructure.ApiKeys;

namespace PaymentLinks.Bench;

/// <summary>The REST API with a key: listing links, and PATCHing a link's status back and forth, 32 clients at once.</summary>
public static class ApiBench
{
    private const int Clients = 32;

    public static async Task RunAsync(BenchServices services, Uri app, TimeSpan duration)
    {
        var merchant = await BenchMerchant.CreateAsync(services, "API Bench");
        var key = (await services.Get<ApiKeyService>().CreateAsync(merchant.MerchantId, "benchmark")).Value.Secret;
        var links = new List<string>();
        for (var i = 0; i < Clients; i++)
            links.Add((await BenchMerchant.ActiveLinkAsync(services, merchant, maxUsages: 10, title: $"API loaf {i}")).Id.ToString());
        using var http = new HttpClient { BaseAddress = app };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var listed = await Report.ThroughputAsync(Clients, duration, async _ =>
        {
            using var answer = await http.GetAsync("/api/v1/payment-links?limit=20");
            await answer.Content.ReadAsByteArrayAsync();
            return answer.IsSuccessStatusCode;
        });
        Report.Row($"API GET /payment-links, {Clients} clients", $"{listed:F0} requests/s");

        var disabled = new bool[Clients];
        var patched = await Report.ThroughputAsync(Clients, duration, async worker =>
        {
            var status = disabled[worker] ? "active" : "inactive";
            using var answer = await http.PatchAsJsonAsync($"/api/v1/payment-links/{links[worker]}/status", new { status });
            disabled[worker] = !disabled[worker];
            return answer.IsSuccessStatusCode;
        });
        Report.Row($"API PATCH …/status, {Clients} clients", $"{patched:F0} requests/s", $"{Report.Ratio(patched, listed)} of API list");
    }
}
