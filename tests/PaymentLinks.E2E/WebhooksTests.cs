using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class WebhooksTests(AppFixture app)
{
    [Fact]
    public async Task A_merchant_registers_an_endpoint_sees_the_delivery_and_redelivers_it()
    {
        var received = new ConcurrentQueue<string>();
        await using var receiver = await StartReceiverAsync(received);
        var session = await DashboardSession.StartAsync(app, "Hooked Honey");
        await session.OpenAsync("settings/webhooks");
        var page = session.Page;

        await page.GetByLabel("Endpoint URL").FillAsync("http://not-local.example/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.Locator(".field:has(#endpoint-url)")).ToContainTextAsync("https");

        await page.GetByLabel("Endpoint URL").FillAsync(receiver.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Endpoints" })).ToContainTextAsync("whsec_");

        await session.CreateLinkAsync("Wildflower honey");
        await Expect(page.GetByTestId("delivery-status").First).ToHaveTextAsync("succeeded", new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Deliveries" })).ToContainTextAsync("link.published");
        Assert.Single(received);

        await page.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await WaitUntilAsync(() => received.Count == 2);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not delivered in 15 s.");
            await Task.Delay(100);
        }
    }

    private static async Task<Receiver> StartReceiverAsync(ConcurrentQueue<string> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = builder.Build();
        receiver.MapPost("/hooks", async (HttpContext http) =>
        {
            received.Enqueue(await new StreamReader(http.Request.Body).ReadToEndAsync());
            return Results.Ok();
        });
        await receiver.StartAsync();
        var address = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Receiver(receiver, address.TrimEnd('/') + "/hooks");
    }

    private sealed record Receiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
