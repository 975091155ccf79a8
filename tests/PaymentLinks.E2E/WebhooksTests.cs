using Microsoft.Playwright;
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
