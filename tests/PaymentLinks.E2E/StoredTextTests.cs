using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Markup a merchant typed (or an attacker got into a field) is text on every page, and Chromium runs none of it.</summary>
[Collection(AppCollection.Name)]
public sealed class StoredTextTests(AppFixture app)
{
    private const string Title = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";

    [Fact]
    public async Task Script_in_a_title_or_description_shows_as_text_on_the_dashboard_and_checkout_and_never_runs()
    {
        var session = await DashboardSession.StartAsync(app, "<b>Bold</b> Bakery");
        var link = (await app.Links.CreateAsync(session.Merchant, new LinkSettings
        {
            Title = Title, Description = "<svg onload=\"window.__pwned=1\"></svg>", Amount = 5m, Currency = "EUR", MaxUsages = 5,
        }, publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);

        foreach (var (page, path) in new[] { (session.Page, "links"), (session.Page, $"links/{link.Id}"), (customer.Page, $"pay/{link.PublicId}") })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByText(Title, new() { Exact = true }).First).ToBeVisibleAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === 1"), $"A script ran on /{path}.");
        }
        await Expect(customer.Page.GetByText("<b>Bold</b> Bakery", new() { Exact = true })).ToBeVisibleAsync();
    }
}
