using System.Net;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Dashboard.Tests.Reliability;
using PaymentLinks.Domain.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Operations;

/// <summary>
/// The app as an operator runs it, with a management port, scraped by a real Prometheus: the payments customers made
/// through the checkout are in Prometheus, exactly, and the public port has no /metrics.
/// </summary>
public sealed class PrometheusScrapeTests : AppProcessTest
{
    private const int Payments = 3;
    private readonly int _managementPort = LocalMachine.FreePort();

    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Management:Port"] = $"{_managementPort}" });

    [Fact]
    public async Task Prometheus_scrapes_the_payments_made_from_the_management_port_and_the_public_port_has_no_metrics()
    {
        var merchant = await Harness.NewMerchantAsync("Scraped Roastery");
        var link = (await Harness.Links.CreateAsync(merchant,
            new LinkSettings { Title = "Filter coffee", Amount = 4m, Currency = "EUR", MaxUsages = 100 }, publish: true)).Value;
        for (var paid = 0; paid < Payments; paid++)
        {
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };
            var (status, _) = await new CheckoutCustomer(browser).PayAsync(link.PublicId);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{_managementPort}");

        await Poll.UntilAsync(async () => await prometheus.ValueAsync("sum(paymentlinks_payments_completed_total)") == Payments,
            $"Prometheus to hold {Payments} completed payments");
        // Counted by the rail worker once the sandbox bank confirmed each capture.
        await Poll.UntilAsync(async () =>
                await prometheus.ValueAsync("""sum(paymentlinks_rail_operations_total{action="capture",rail="sandbox"})""") == Payments,
            $"Prometheus to hold {Payments} confirmed captures");
        // Read from the database at each scrape; nothing waits once the workers are done.
        await Poll.UntilAsync(async () => await prometheus.ValueAsync("max(paymentlinks_webhooks_outbox_depth)") == 0
            && await prometheus.ValueAsync("max(paymentlinks_mail_outbox_depth)") == 0, "Prometheus to see both outboxes empty");
        using var publicPort = new HttpClient { BaseAddress = App.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await publicPort.GetAsync("metrics")).StatusCode);
        // Nor does a client of the public port reach it by naming the management port in its Host header.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Host = $"127.0.0.1:{_managementPort}" } };
        Assert.Equal(HttpStatusCode.NotFound, (await publicPort.SendAsync(spoofed)).StatusCode);
    }
}
