using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Webhooks;

/// <summary>
/// Webhooks cannot be aimed at this server, its cloud's metadata service or its private network: refused when
/// an endpoint is added, and again when a delivery connects. Loopback is not allowed here, as in production.
/// </summary>
public sealed class WebhookTargetTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(new Dictionary<string, string>
    {
        ["Webhooks:AllowLoopback"] = "false",
        ["Webhooks:PollInterval"] = "00:00:00.050",
        ["Webhooks:RetryBaseDelay"] = "00:01:00",
    });
    private MerchantCaller _merchant = default!;

    private WebhookService Webhooks => _app.Services.GetRequiredService<WebhookService>();

    public async Task InitializeAsync()
    {
        _app.StartServer();
        _merchant = await _app.NewMerchantAsync("Guarded Gloves");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/", "must be a public address")]
    [InlineData("https://10.0.0.1/", "must be a public address")]
    [InlineData("https://localhost/", "must be a public address")]
    [InlineData("https://[::1]/hooks", "must be a public address")]
    [InlineData("https://192.168.1.20/hooks", "must be a public address")]
    [InlineData("https://[::ffff:10.1.2.3]/hooks", "must be a public address")]
    [InlineData("https://0x7f000001/hooks", "must be a public address")]
    [InlineData("http://127.0.0.1:22/", "must use https")]
    [InlineData("http://hooks.example/in", "must use https")]
    [InlineData("https://admin:secret@hooks.example/in", "user name or password")]
    [InlineData("hooks.example/in", "absolute URL")]
    public async Task An_endpoint_that_is_not_public_https_is_refused_with_a_message_and_not_stored(string url, string message)
    {
        var added = await Webhooks.AddEndpointAsync(_merchant, url);

        Assert.False(added.IsSuccess);
        Assert.Equal("url", added.Refusal.Fields[0].Field);
        Assert.Contains(message, added.Refusal.Fields[0].Message);
        Assert.Empty(await Webhooks.EndpointsAsync(_merchant));
    }

    [Fact]
    public async Task A_stored_endpoint_whose_name_resolves_to_this_machine_gets_no_request()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // As if "localhost" had been a public name when the endpoint was added: the check at connect time stands alone.
        await using (var db = _app.NewContext())
        {
            db.WebhookEndpoints.Add(new WebhookEndpoint(Guid.NewGuid(), _merchant.MerchantId, _merchant.Livemode,
                receiver.Url.Replace("127.0.0.1", "localhost"), "whsec_" + new string('x', 32), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        var log = await Webhooks.WaitForLogAsync(_merchant, l => l.Count == 1 && l[0].Attempts == 1, "refused attempt");
        Assert.Equal((RefusedAddress.Reason, (int?)null), (log[0].LastError, log[0].LastStatusCode));
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_merchant_has_at_most_ten_active_endpoints()
    {
        for (var i = 1; i <= 10; i++)
            Assert.True((await Webhooks.AddEndpointAsync(_merchant, $"https://hooks{i}.example/in")).IsSuccess);

        var eleventh = await Webhooks.AddEndpointAsync(_merchant, "https://hooks11.example/in");
        Assert.False(eleventh.IsSuccess);
        Assert.Contains("10 active endpoints", eleventh.Refusal.Fields[0].Message);

        var first = (await Webhooks.EndpointsAsync(_merchant))[0];
        await Webhooks.DisableEndpointAsync(_merchant, first.Id);
        Assert.True((await Webhooks.AddEndpointAsync(_merchant, "https://hooks11.example/in")).IsSuccess);
        Assert.Equal(10, (await Webhooks.EndpointsAsync(_merchant)).Count(e => e.Active));
    }
}
