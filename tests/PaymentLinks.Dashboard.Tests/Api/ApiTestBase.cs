using System.Net;
using System.Text;
using System.Text.Json;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary>The app in memory, a merchant, and an API client holding one of its keys.</summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    protected DashboardApp App { get; }
    protected MerchantCaller Merchant { get; private set; } = default!;
    protected HttpClient Api { get; private set; } = default!;

    protected ApiTestBase(Dictionary<string, string>? settings = null) => App = new DashboardApp(settings);

    public virtual async Task InitializeAsync()
    {
        Merchant = await App.NewMerchantAsync("Api Shop");
        Api = await App.ApiClientAsync(Merchant);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // Read as a string, which buffers, so that a test may read one response more than once.
    protected static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    protected async Task<JsonElement> CreateAsync(string json = """{"title":"Concert","amount":25.5,"currency":"EUR"}""", HttpClient? client = null)
    {
        var response = await (client ?? Api).PostAsync("/api/v1/payment-links", Json(json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await BodyAsync(response);
    }

    protected static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string json) =>
        await client.PatchAsync(url, Json(json));

    protected static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.True(body.TryGetProperty("details", out _));
    }
}
