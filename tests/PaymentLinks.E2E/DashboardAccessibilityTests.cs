using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.E2E;

/// <summary>axe-core on every dashboard page, filled with real rows, at desktop and phone width.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardAccessibilityTests(AppFixture app)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Dashboard_pages_have_no_serious_or_critical_violations(int width)
    {
        var session = await DashboardSession.StartAsync(app, $"Accessible Atelier {width}", width);
        var paid = await session.CreateLinkAsync("Hand-bound notebook");
        var payments = app.Services.GetRequiredService<PaymentService>();
        await payments.CompleteAsync((await payments.StartAsync(paid.PublicId)).Value.Id);
        var disabled = await session.CreateLinkAsync("Leather cover");
        await app.Links.DisableAsync(session.Merchant, disabled.Id);
        await session.CreateLinkAsync("Sketch pad", publish: false);
        await app.ApiKeys.CreateAsync(session.Merchant.MerchantId, "Shop");
        await app.Services.GetRequiredService<WebhookService>().AddEndpointAsync(session.Merchant.MerchantId, "https://hooks.example/in");

        foreach (var path in new[] { "", $"links/{paid.Id}", $"links/{paid.Id}/edit", "links/new", "settings/api-keys", "settings/webhooks", "settings/account" })
        {
            await session.OpenAsync(path);
            await Axe.AssertNoSeriousViolationsAsync(session.Page);
        }
    }
}
