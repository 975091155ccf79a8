using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Dashboard.Tests.Webhooks;

/// <summary>Webhooks to a real local HTTP receiver: delivery, signatures, retries, order, expiry events.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(new Dictionary<string, string>
    {
        ["Webhooks:PollInterval"] = "00:00:00.050",
        ["Webhooks:RetryBaseDelay"] = "00:00:00.200",
        ["ExpirySweeper:Interval"] = "00:00:00.200",
    });
    private MerchantCaller _merchant = default!;

    private WebhookService Webhooks => _app.Services.GetRequiredService<WebhookService>();
    private PaymentService Payments => _app.Services.GetRequiredService<PaymentService>();

    public async Task InitializeAsync()
    {
        _app.StartServer();
        _merchant = await _app.NewMerchantAsync("Hooked Hats");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_published_link_is_delivered_signed_with_the_endpoints_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = (await Webhooks.AddEndpointAsync(_merchant, receiver.Url)).Value;

        var link = await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        await receiver.WaitForAsync(r => r.Delivered.Count >= 1);
        var hook = receiver.Delivered[0];
        Assert.Equal("link.published", hook.EventType);
        Assert.True(WebhookSignature.Verify(endpoint.Secret, hook.Signature, hook.Body));
        Assert.False(WebhookSignature.Verify(endpoint.Secret, hook.Signature, hook.Body + " "));
        var json = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal("link.published", json.GetProperty("type").GetString());
        Assert.Equal(link.Id, json.GetProperty("data").GetProperty("link").GetProperty("id").GetGuid());
        Assert.True(json.TryGetProperty("id", out _) && json.TryGetProperty("created", out _));
    }

    [Fact]
    public async Task After_a_roll_deliveries_are_signed_with_the_new_secret_and_another_merchant_cannot_roll_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = (await Webhooks.AddEndpointAsync(_merchant, receiver.Url)).Value;
        var stranger = await _app.NewMerchantAsync("Hat Thief");

        Assert.Null(await Webhooks.RollSecretAsync(stranger, endpoint.Id));
        var rolled = (await Webhooks.RollSecretAsync(_merchant, endpoint.Id))!;
        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        await receiver.WaitForAsync(r => r.Delivered.Count >= 1);
        Assert.NotEqual(endpoint.Secret, rolled.Secret);
        Assert.StartsWith("whsec_", rolled.Secret);
        Assert.Equal(endpoint.Secret.Length, rolled.Secret.Length);
        Assert.True(WebhookSignature.Verify(rolled.Secret, receiver.Delivered[0].Signature, receiver.Delivered[0].Body));
        Assert.False(WebhookSignature.Verify(endpoint.Secret, receiver.Delivered[0].Signature, receiver.Delivered[0].Body));
    }

    [Fact]
    public async Task A_receiver_answering_500_twice_gets_the_event_on_the_third_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await Webhooks.AddEndpointAsync(_merchant, receiver.Url);

        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        var log = await Webhooks.WaitForLogAsync(_merchant, l => l.Count == 1 && l[0].Status != DeliveryStatus.Pending, "delivery finished");
        Assert.Equal([500, 500, 200], receiver.Received.Select(r => r.AnsweredWith));
        var delivery = Assert.Single(log);
        Assert.Equal((DeliveryStatus.Succeeded, 3, 200), (delivery.Status, delivery.Attempts, delivery.LastStatusCode));
    }

    [Fact]
    public async Task A_slow_endpoint_holds_up_only_its_own_deliveries()
    {
        await using var app = new DashboardApp(new Dictionary<string, string>
        {
            ["Webhooks:PollInterval"] = "00:00:00.050",
            ["Webhooks:RequestTimeout"] = "00:00:30",
        });
        app.StartServer();
        var webhooks = app.Services.GetRequiredService<WebhookService>();
        var slowMerchant = await app.NewMerchantAsync("Slow Socks");
        var quickMerchant = await app.NewMerchantAsync("Quick Caps");
        await using var slow = await WebhookReceiver.StartAsync(answerAfter: TimeSpan.FromSeconds(8));
        await using var quick = await WebhookReceiver.StartAsync();
        await webhooks.AddEndpointAsync(slowMerchant, slow.Url);
        await webhooks.AddEndpointAsync(quickMerchant, quick.Url);

        await app.ActiveLinkAsync(slowMerchant, maxUsages: 5);
        await slow.WaitForAsync(r => r.Arrived == 1); // the slow endpoint has its request and sits on it
        await app.ActiveLinkAsync(quickMerchant, maxUsages: 5);

        await quick.WaitForAsync(r => r.Delivered.Count == 1);
        var slowLog = await webhooks.RecentDeliveriesAsync(slowMerchant);
        Assert.Equal((DeliveryStatus.Pending, 0), (slowLog.Single().Status, slowLog.Single().Attempts)); // still waiting for its answer
    }

    [Fact]
    public async Task An_answer_with_an_endless_body_counts_as_delivered_without_reading_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(endlessBody: true);
        await Webhooks.AddEndpointAsync(_merchant, receiver.Url);

        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        var log = await Webhooks.WaitForLogAsync(_merchant, l => l.Count == 1 && l[0].Status != DeliveryStatus.Pending, "delivery finished");
        Assert.Equal((DeliveryStatus.Succeeded, 200), (log[0].Status, log[0].LastStatusCode));
    }

    [Fact]
    public async Task A_failed_connection_is_logged_as_a_kind_of_failure_without_the_targets_address_or_words()
    {
        var closedPort = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((System.Net.IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop(); // nothing listens there now
        await Webhooks.AddEndpointAsync(_merchant, $"http://127.0.0.1:{port}/hooks");

        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        var log = await Webhooks.WaitForLogAsync(_merchant, l => l.Count == 1 && l[0].Attempts >= 1, "first attempt");
        Assert.Equal(("Could not connect", (int?)null), (log[0].LastError, log[0].LastStatusCode));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_the_log_says_so()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var redirecting = await WebhookReceiver.StartAsync(redirectTo: target.Url);
        await Webhooks.AddEndpointAsync(_merchant, redirecting.Url);

        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        var log = await Webhooks.WaitForLogAsync(_merchant, l => l.Count == 1 && l[0].Attempts >= 1, "first attempt");
        Assert.Equal((302, "HTTP 302: redirects are not followed"), (log[0].LastStatusCode, log[0].LastError));
        Assert.Single(redirecting.Received);
        Assert.Empty(target.Received);
    }

    [Fact]
    public async Task A_disabled_endpoint_gets_no_more_retries_and_cannot_be_redelivered_to()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        var endpoint = (await Webhooks.AddEndpointAsync(_merchant, receiver.Url)).Value;
        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);
        await receiver.WaitForAsync(r => r.Received.Count >= 1);

        await Webhooks.DisableEndpointAsync(_merchant, endpoint.Id);

        var log = await Webhooks.WaitForLogAsync(_merchant, l => l.Count == 1 && l[0].Status == DeliveryStatus.Failed, "delivery cancelled");
        Assert.Equal(("Endpoint disabled", false), (log[0].LastError, log[0].EndpointActive));
        var receivedWhenCancelled = receiver.Received.Count;
        Assert.False(await Webhooks.RedeliverAsync(_merchant, log[0].Id));
        await Task.Delay(TimeSpan.FromSeconds(1)); // time for two more retries at this test's 200 ms base delay
        Assert.Equal(receivedWhenCancelled, receiver.Received.Count);
    }

    [Fact]
    public async Task A_link_published_then_paid_to_used_reports_its_events_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Webhooks.AddEndpointAsync(_merchant, receiver.Url);

        var draft = (await _app.Links.CreateAsync(_merchant, new LinkSettings { Title = "Top hat", Amount = 80m, Currency = "EUR", MaxUsages = 2 }, publish: false)).Value;
        await _app.Links.ApplyAsync(_merchant, draft.Id, LinkTrigger.Publish);
        var declined = (await Payments.StartAsync(draft.PublicId)).Value;
        await Payments.FailAsync(declined.Id);
        for (var i = 0; i < 2; i++)
            await Payments.CompleteAsync((await Payments.StartAsync(draft.PublicId)).Value.Id);

        await receiver.WaitForAsync(r => r.Delivered.Count >= 5);
        Assert.Equal(["link.published", "payment.failed", "payment.completed", "payment.completed", "link.used"],
            receiver.Delivered.Select(r => r.EventType));
    }

    [Fact]
    public async Task A_completed_payment_reports_its_quantity_amounts_customer_and_answers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Webhooks.AddEndpointAsync(_merchant, receiver.Url);
        var link = (await _app.Links.CreateAsync(_merchant, new LinkSettings
        {
            Title = "Festival T-shirt", Amount = 25m, Currency = "EUR", MaxQuantity = 5,
            CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Off),
            CustomFields = [new("T-shirt size", CustomFieldKind.Choice, true, ["S", "M"])],
        }, publish: true)).Value;
        var answers = new PaymentLinks.Domain.Payments.CheckoutAnswers { Quantity = "3", Email = "ada@example.com", Name = "Ada", Fields = ["M"] };

        await Payments.CompleteAsync((await Payments.StartAsync(link.PublicId, answers: answers)).Value.Id);

        await receiver.WaitForAsync(r => r.Delivered.Any(h => h.EventType == "payment.completed"));
        var payment = JsonDocument.Parse(receiver.Delivered.Single(h => h.EventType == "payment.completed").Body)
            .RootElement.GetProperty("data").GetProperty("payment");
        Assert.Equal((3, 75m, 25m), (payment.GetProperty("quantity").GetInt32(), payment.GetProperty("amount").GetDecimal(), payment.GetProperty("unit_amount").GetDecimal()));
        Assert.Equal("""{"email":"ada@example.com","name":"Ada","phone":null}""", payment.GetProperty("customer").GetRawText());
        Assert.Equal("""[{"label":"T-shirt size","value":"M"}]""", payment.GetProperty("custom_fields").GetRawText());
    }

    [Fact]
    public async Task An_expiry_found_by_the_sweeper_sends_link_expired_and_a_disable_enable_pair_is_reported()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Webhooks.AddEndpointAsync(_merchant, receiver.Url);
        var link = (await _app.Links.CreateAsync(_merchant, new LinkSettings
        {
            Title = "Summer hat", Amount = 20m, Currency = "EUR", ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(4), // room for a slow machine
        }, publish: true)).Value;
        await _app.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Disable);
        await _app.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Enable);

        await receiver.WaitForAsync(r => r.Delivered.Any(h => h.EventType == "link.expired"));
        Assert.Equal(["link.published", "link.disabled", "link.enabled", "link.expired"], receiver.Delivered.Select(r => r.EventType));
        var expired = JsonDocument.Parse(receiver.Delivered[^1].Body).RootElement.GetProperty("data");
        Assert.Equal(("Clock", "EXPIRED"), (expired.GetProperty("actor").GetString(), expired.GetProperty("link").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_expiry_found_by_a_customers_visit_sends_link_expired()
    {
        // The sweeper waits an hour here, so only the customer's visit can find the expiry.
        await using var app = new DashboardApp(new Dictionary<string, string>
        {
            ["Webhooks:PollInterval"] = "00:00:00.050",
            ["ExpirySweeper:Interval"] = "01:00:00",
        });
        app.StartServer();
        var merchant = await app.NewMerchantAsync("Visited Hats");
        await using var receiver = await WebhookReceiver.StartAsync();
        await app.Services.GetRequiredService<WebhookService>().AddEndpointAsync(merchant, receiver.Url);
        var link = (await app.Links.CreateAsync(merchant, new LinkSettings
        {
            Title = "Winter hat", Amount = 25m, Currency = "EUR", ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(1),
        }, publish: true)).Value;
        await receiver.WaitForAsync(r => r.Delivered.Count == 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var visit = await app.CreateClient().GetAsync($"/pay/{link.PublicId}");

        Assert.Equal(System.Net.HttpStatusCode.Gone, visit.StatusCode);
        await receiver.WaitForAsync(r => r.Delivered.Count == 2);
        Assert.Equal(["link.published", "link.expired"], receiver.Delivered.Select(r => r.EventType));
        var expired = JsonDocument.Parse(receiver.Delivered[1].Body).RootElement.GetProperty("data");
        Assert.Equal(("Clock", "EXPIRED"), (expired.GetProperty("actor").GetString(), expired.GetProperty("link").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_delivery_can_be_sent_again_from_the_log_and_other_merchants_hear_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var otherReceiver = await WebhookReceiver.StartAsync();
        await Webhooks.AddEndpointAsync(_merchant, receiver.Url);
        var other = await _app.NewMerchantAsync("Other Hats");
        await Webhooks.AddEndpointAsync(other, otherReceiver.Url);
        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);
        var delivery = Assert.Single(await Webhooks.WaitForLogAsync(_merchant, l => l.AllSucceeded(1), "first delivery stored"));
        Assert.False(await Webhooks.RedeliverAsync(other, delivery.Id));
        Assert.True(await Webhooks.RedeliverAsync(_merchant, delivery.Id));

        await receiver.WaitForAsync(r => r.Delivered.Count == 2);
        Assert.Equal(receiver.Delivered[0].Body, receiver.Delivered[1].Body);
        Assert.Empty(otherReceiver.Received);
    }

    [Fact]
    public async Task An_endpoint_must_be_https_or_local()
    {
        var refused = await Webhooks.AddEndpointAsync(_merchant, "http://hooks.example/in");

        Assert.Equal("url", Assert.Single(refused.Refusal!.Fields).Field);
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.WebhookEndpoints.CountAsync());
    }
}
