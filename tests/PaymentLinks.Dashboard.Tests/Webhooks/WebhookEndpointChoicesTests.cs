using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Webhooks;

/// <summary>What a merchant does with an endpoint beyond adding it: choose its events, send it a test event, delete it.</summary>
public sealed class WebhookEndpointChoicesTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(new Dictionary<string, string> { ["Webhooks:PollInterval"] = "00:00:00.050" });
    private MerchantCaller _merchant = default!;

    private WebhookService Webhooks => _app.Services.GetRequiredService<WebhookService>();

    public async Task InitializeAsync()
    {
        _app.StartServer();
        _merchant = await _app.NewMerchantAsync("Choosy Chairs");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_endpoint_that_chose_completed_payments_hears_only_those_while_another_hears_everything()
    {
        await using var choosy = await WebhookReceiver.StartAsync();
        await using var everything = await WebhookReceiver.StartAsync();
        var narrowed = (await Webhooks.AddEndpointAsync(_merchant, choosy.Url)).Value;
        await Webhooks.AddEndpointAsync(_merchant, everything.Url);
        Assert.True((await Webhooks.SubscribeAsync(_merchant, narrowed.Id, ["payment.completed"])).IsSuccess);

        var link = await _app.ActiveLinkAsync(_merchant, maxUsages: 5);
        var payments = _app.Services.GetRequiredService<PaymentService>();
        await payments.FailAsync((await payments.StartAsync(link.PublicId)).Value.Id);
        await payments.CompleteAsync((await payments.StartAsync(link.PublicId)).Value.Id);

        await everything.WaitForAsync(r => r.Delivered.Count == 3);
        await Webhooks.WaitForLogAsync(_merchant, log => log.AllSucceeded(4), "all four deliveries done");
        Assert.Equal(["link.published", "payment.failed", "payment.completed"], everything.Delivered.Select(r => r.EventType));
        Assert.Equal(["payment.completed"], choosy.Delivered.Select(r => r.EventType));
    }

    [Fact]
    public async Task A_test_endpoint_hears_only_test_events_and_a_live_endpoint_only_live_ones_each_marked_with_its_mode()
    {
        await using var testReceiver = await WebhookReceiver.StartAsync();
        await using var liveReceiver = await WebhookReceiver.StartAsync();
        var live = _merchant with { Livemode = true };
        await Webhooks.AddEndpointAsync(_merchant, testReceiver.Url);
        await Webhooks.AddEndpointAsync(live, liveReceiver.Url);

        var liveDraft = (await _app.Links.CreateAsync(live, new LinkSettings { Title = "Live draft", Amount = 3m, Currency = "EUR" }, publish: false)).Value;
        await _app.Links.ApplyAsync(live, liveDraft.Id, LinkTrigger.Archive);
        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);

        await testReceiver.WaitForAsync(r => r.Delivered.Count == 1);
        await liveReceiver.WaitForAsync(r => r.Delivered.Count == 1);
        await Webhooks.WaitForLogAsync(live, log => log.AllSucceeded(1), "the live delivery done");
        Assert.Equal(("link.published", false), (testReceiver.Delivered[0].EventType, ModeOf(testReceiver.Delivered[0].Body)));
        Assert.Equal(("link.archived", true), (liveReceiver.Delivered[0].EventType, ModeOf(liveReceiver.Delivered[0].Body)));
        Assert.Single(await Webhooks.RecentDeliveriesAsync(_merchant));
        Assert.Single(await Webhooks.EndpointsAsync(live));
    }

    private static bool ModeOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("livemode").GetBoolean();

    [Fact]
    public async Task Choosing_no_event_or_an_unknown_one_is_refused_choosing_all_means_all_and_others_cannot_choose()
    {
        var endpoint = (await Webhooks.AddEndpointAsync(_merchant, "https://hooks.example/in")).Value;
        var stranger = await _app.NewMerchantAsync("Chair Thief");

        Assert.Equal("enabled_events", (await Webhooks.SubscribeAsync(_merchant, endpoint.Id, [])).Refusal!.Fields[0].Field);
        Assert.Contains("link.deleted", (await Webhooks.SubscribeAsync(_merchant, endpoint.Id, ["link.deleted"])).Refusal!.Message);
        Assert.False((await Webhooks.SubscribeAsync(stranger, endpoint.Id, ["link.used"])).IsSuccess);
        Assert.Null(Assert.Single(await Webhooks.EndpointsAsync(_merchant)).EventTypes);

        var two = (await Webhooks.SubscribeAsync(_merchant, endpoint.Id, ["link.used", "payment.completed"])).Value;
        Assert.Equal(["payment.completed", "link.used"], two.EventTypes);
        var all = (await Webhooks.SubscribeAsync(_merchant, endpoint.Id, WebhookEventNames.All.ToList())).Value;
        Assert.Null(all.EventTypes);
    }

    [Fact]
    public async Task A_test_event_goes_signed_to_that_endpoint_only_whatever_it_chose_and_others_cannot_send_one()
    {
        await using var tested = await WebhookReceiver.StartAsync();
        await using var bystander = await WebhookReceiver.StartAsync();
        var endpoint = (await Webhooks.AddEndpointAsync(_merchant, tested.Url)).Value;
        await Webhooks.AddEndpointAsync(_merchant, bystander.Url);
        await Webhooks.SubscribeAsync(_merchant, endpoint.Id, ["link.archived"]);
        var stranger = await _app.NewMerchantAsync("Chair Prankster");

        Assert.False(await Webhooks.SendTestEventAsync(stranger, endpoint.Id));
        Assert.True(await Webhooks.SendTestEventAsync(_merchant, endpoint.Id));

        var log = await Webhooks.WaitForLogAsync(_merchant, l => l.AllSucceeded(1), "test event delivered");
        Assert.Equal(("webhook.test", tested.Url), (log[0].EventType, log[0].EndpointUrl));
        var hook = Assert.Single(tested.Delivered);
        Assert.True(WebhookSignature.Verify(endpoint.Secret, hook.Signature, hook.Body));
        Assert.Equal(endpoint.Id, JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").GetProperty("endpoint").GetProperty("id").GetGuid());
        Assert.Empty(bystander.Received);
        await Webhooks.DisableEndpointAsync(_merchant, endpoint.Id);
        Assert.False(await Webhooks.SendTestEventAsync(_merchant, endpoint.Id));
    }

    [Fact]
    public async Task Deleting_an_endpoint_removes_it_and_its_log_and_others_cannot_delete_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = (await Webhooks.AddEndpointAsync(_merchant, receiver.Url)).Value;
        await _app.ActiveLinkAsync(_merchant, maxUsages: 5);
        await Webhooks.WaitForLogAsync(_merchant, l => l.AllSucceeded(1), "first delivery done");
        var stranger = await _app.NewMerchantAsync("Chair Vandal");

        Assert.False(await Webhooks.DeleteEndpointAsync(stranger, endpoint.Id));
        Assert.Single(await Webhooks.EndpointsAsync(_merchant));
        Assert.True(await Webhooks.DeleteEndpointAsync(_merchant, endpoint.Id));

        Assert.Empty(await Webhooks.EndpointsAsync(_merchant));
        Assert.Empty(await Webhooks.RecentDeliveriesAsync(_merchant));
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
    }

    [Fact]
    public void Every_event_a_change_can_send_is_one_an_endpoint_can_choose()
    {
        var sent = Enum.GetValues<LinkStatus>().SelectMany(from => Enum.GetValues<LinkStatus>().Select(to => WebhookOutbox.TypeOf(from, to)))
            .OfType<string>().Concat(["payment.completed", "payment.failed"]).Distinct();

        Assert.All(sent, type => Assert.Contains(type, WebhookEventNames.All));
    }
}
