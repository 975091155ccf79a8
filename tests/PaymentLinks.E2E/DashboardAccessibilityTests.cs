using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Webhooks;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>
/// axe-core on every dashboard page, filled with real rows, at desktop and phone width; and nothing on those pages
/// is blocked by the Content-Security-Policy (a blocked script or style would leave a page half working).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DashboardAccessibilityTests(AppFixture app)
{
    [Theory]
    [InlineData(1280, false)]
    [InlineData(390, false)]
    [InlineData(1280, true)]
    [InlineData(390, true)]
    public async Task Dashboard_pages_have_no_serious_or_critical_violations(int width, bool dark)
    {
        var session = await DashboardSession.StartAsync(app, $"Accessible Atelier {width} {dark}", width);
        var blocked = new List<string>();
        session.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy"))
                blocked.Add(message.Text);
        };
        if (dark)
        {
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
            await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        }
        var paid = (await app.Links.CreateAsync(session.Merchant, new LinkSettings
        {
            Title = "Hand-bound notebook", Amount = 24m, Currency = "EUR", MaxQuantity = 5,
            CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Optional),
            CustomFields = [new("Paper", CustomFieldKind.Choice, true, ["Lined", "Blank"]), new("Initials", CustomFieldKind.Text, false, [])],
        }, publish: true)).Value;
        var payments = app.Services.GetRequiredService<PaymentService>();
        var answers = new CheckoutAnswers { Quantity = "2", Email = "ada@example.com", Name = "Ada Lovelace", Fields = ["Lined", "AL"] };
        var payment = (await payments.CompleteAsync((await payments.StartAsync(paid.PublicId, answers: answers)).Value.Id)).Value;
        var disabled = await session.CreateLinkAsync("Leather cover");
        await app.Links.ApplyAsync(session.Merchant, disabled.Id, LinkTrigger.Disable);
        await session.CreateLinkAsync("Sketch pad", publish: false);
        await app.ApiKeys.CreateAsync(session.Merchant, "Shop");
        await app.Services.GetRequiredService<WebhookService>().AddEndpointAsync(session.Merchant, "https://hooks.example/in");

        foreach (var path in new[] { "", "links", $"links/{paid.Id}", $"links/{paid.Id}/edit", "links/new", "payments", $"payments/{payment.Id}", "settings/api-keys", "settings/webhooks", "settings/account", "settings/two-factor" })
        {
            await session.OpenAsync(path);
            await Axe.AssertNoSeriousViolationsAsync(session.Page);
        }
        // The menu of further actions, then the confirmation dialog, open over the page it was asked from.
        await session.OpenAsync($"links/{disabled.Id}");
        await session.MoreActions.ClickAsync();
        var menu = session.Page.GetByRole(AriaRole.Menu);
        // axe reads colours in the middle of the menu's fade-in as too faint: it checks once the menu is fully shown.
        await Expect(session.Page.Locator(".mud-popover-open").Filter(new() { Has = menu })).ToHaveCSSAsync("opacity", "1");
        await Axe.AssertNoSeriousViolationsAsync(session.Page);
        await session.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Archive", Exact = true }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(session.Page);
        await session.ConfirmAsync("Cancel");
        // The pay page of that link, as it comes back with a message by each field left empty.
        await session.Page.GotoAsync($"pay/{paid.PublicId}");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email is required.");
        await Axe.AssertNoSeriousViolationsAsync(session.Page);
        Assert.Empty(blocked);
    }
}
