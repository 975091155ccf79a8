using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class WebhooksTests(AppFixture app)
{
    [Fact]
    public async Task A_merchant_registers_an_endpoint_sees_the_delivery_and_redelivers_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var session = await DashboardSession.StartAsync(app, "Hooked Honey");
        await session.OpenAsync("settings/webhooks");
        var page = session.Page;

        await page.GetByLabel("Endpoint URL").FillAsync("http://not-local.example/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.Locator(".field:has(#endpoint-url)")).ToContainTextAsync("https");

        await page.GetByLabel("Endpoint URL").FillAsync(receiver.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.GetByLabel("Endpoints", new() { Exact = true })).ToContainTextAsync("whsec_");

        await session.CreateLinkAsync("Wildflower honey");
        await Expect(page.GetByTestId("delivery-status").First).ToHaveTextAsync("succeeded", new() { Timeout = 15_000 });
        await Expect(page.GetByLabel("Deliveries", new() { Exact = true })).ToContainTextAsync("link.published");
        Assert.Single(receiver.Delivered);

        await page.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await receiver.WaitForAsync(r => r.Delivered.Count == 2, seconds: 15);
        Assert.Equal(receiver.Delivered[0].Body, receiver.Delivered[1].Body);
    }

    [Fact]
    public async Task A_merchant_copies_an_endpoint_chooses_its_events_sends_it_a_test_event_and_deletes_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var session = await DashboardSession.StartAsync(app, "Tested Honey");
        var endpoint = (await app.Services.GetRequiredService<WebhookService>().AddEndpointAsync(session.Merchant, receiver.Url)).Value;
        await session.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await session.OpenAsync("settings/webhooks");
        var page = session.Page;
        var row = session.Row(receiver.Url);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Copy {receiver.Url}" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Copied {receiver.Url}" })).ToHaveTextAsync("Copied");
        Assert.Equal(receiver.Url, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await row.GetByLabel("Events").ClickAsync();
        var choices = page.GetByRole(AriaRole.Listbox);
        await choices.GetByRole(AriaRole.Option, new() { Name = "All events" }).ClickAsync();
        await choices.GetByRole(AriaRole.Option, new() { Name = "payment.completed" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(row.GetByLabel("Events")).ToHaveValueAsync("payment.completed");
        // The select shows a choice as it is clicked; the server saves it a moment later.
        await Poll.UntilAsync(async () => Assert.Single(await app.Services.GetRequiredService<WebhookService>().EndpointsAsync(session.Merchant)).EventTypes
            is ["payment.completed"], "the endpoint saved with payment.completed only");

        await session.OpenMenuAsync(row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {receiver.Url}" }));
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Send test event" }).ClickAsync();
        var delivery = session.Row("webhook.test");
        await Expect(delivery.GetByTestId("delivery-status")).ToHaveTextAsync("succeeded", new() { Timeout = 15_000 });
        Assert.Equal("webhook.test", Assert.Single(receiver.Delivered).EventType);

        await session.OpenMenuAsync(row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {receiver.Url}" }));
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("retries included");
        await session.ConfirmAsync("Delete");
        await Expect(page.GetByLabel("Endpoints", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Nothing delivered yet.")).ToBeVisibleAsync();
        Assert.Empty(await app.Services.GetRequiredService<WebhookService>().EndpointsAsync(session.Merchant));
    }

    [Fact]
    public async Task Endpoints_on_a_private_network_are_refused_by_the_field()
    {
        var session = await DashboardSession.StartAsync(app, "Guarded Honey");
        await session.OpenAsync("settings/webhooks");
        var page = session.Page;
        var field = page.Locator(".field:has(#endpoint-url)");

        foreach (var (url, message) in new[]
        {
            // Loopback is allowed in these tests (their receivers listen there); WebhookTargetTests refuse it as production does.
            ("https://169.254.169.254/", "must be a public address"), ("https://10.0.0.1/", "must be a public address"),
            ("https://[fd00::1]/hooks", "must be a public address"), ("http://hooks.example/in", "must use https"),
        })
        {
            await page.GetByLabel("Endpoint URL").FillAsync(url);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
            await Expect(field).ToContainTextAsync(message);
        }
        await Expect(page.GetByLabel("Endpoints", new() { Exact = true })).ToHaveCountAsync(0);
    }
}
