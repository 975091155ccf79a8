using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Amounts typed with either decimal separator are saved as meant, and the price is shown before saving.</summary>
[Collection(AppCollection.Name)]
public sealed class LinkFormAmountTests(AppFixture app)
{
    [Fact]
    public async Task A_price_typed_with_a_comma_is_shown_and_saved_as_meant()
    {
        var session = await DashboardSession.StartAsync(app, "Comma Coffee");
        var page = session.Page;
        await session.OpenAsync("links/new");
        await page.GetByLabel("Title").FillAsync("Espresso beans");
        var amount = page.GetByLabel("Amount");
        var preview = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Customers" });

        foreach (var (typed, shown) in new[] { ("12.50", "12.50 EUR"), ("1.250,00", "1,250.00 EUR"), ("12,50", "12.50 EUR") })
        {
            await amount.FillAsync("");
            await amount.PressSequentiallyAsync(typed);
            await Expect(preview).ToHaveTextAsync($"Customers will pay {shown}.");
        }
        await page.Keyboard.PressAsync("Tab");
        await Expect(amount).ToHaveValueAsync("12,50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Espresso beans" })).ToBeVisibleAsync();
        await Expect(page.GetByText("12.50 EUR").First).ToBeVisibleAsync();
        var saved = (await app.Links.ListAsync(session.Merchant, new())).Items.Single();
        Assert.Equal(12.50m, saved.Amount);
    }

    [Fact]
    public async Task A_third_euro_decimal_is_refused_by_the_field_and_yen_are_taken_whole()
    {
        var session = await DashboardSession.StartAsync(app, "Decimal Deli");
        var page = session.Page;
        await session.OpenAsync("links/new");
        await page.GetByLabel("Title").FillAsync("Tasting menu");

        await page.GetByLabel("Amount").PressSequentiallyAsync("12.505");

        await Expect(session.Field("amount")).ToContainTextAsync("Amount has more decimals than EUR allows (2).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish" }).ClickAsync();
        await Expect(session.Field("amount")).ToContainTextAsync("Amount has more decimals than EUR allows (2).");
        Assert.Equal(0, (await app.Links.ListAsync(session.Merchant, new())).TotalCount);

        await page.GetByLabel("Currency").FillAsync("yen");
        await page.GetByRole(AriaRole.Option, new() { Name = "JPY Japanese Yen" }).ClickAsync();
        await Expect(page.GetByLabel("Currency")).ToHaveValueAsync("JPY");
        await page.GetByLabel("Amount").FillAsync("1500");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Customers" })).ToHaveTextAsync("Customers will pay 1,500 JPY.");
        await Expect(session.Field("amount")).Not.ToContainTextAsync("decimals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tasting menu" })).ToBeVisibleAsync();
        var saved = (await app.Links.ListAsync(session.Merchant, new())).Items.Single();
        Assert.Equal((1500m, "JPY"), (saved.Amount, saved.Currency));
    }

    [Fact]
    public async Task A_message_clears_as_soon_as_its_field_is_valid_and_others_stay()
    {
        var session = await DashboardSession.StartAsync(app, "Clearing Cafe");
        var page = session.Page;
        await session.OpenAsync("links/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(session.Field("title")).ToContainTextAsync("Title is required.");
        await Expect(session.Field("amount")).ToContainTextAsync("Amount must be greater than zero.");

        await page.GetByLabel("Title").PressSequentiallyAsync("Flat white");

        await Expect(session.Field("title")).Not.ToContainTextAsync("Title is required.");
        await Expect(session.Field("amount")).ToContainTextAsync("Amount must be greater than zero.");
        await page.GetByLabel("Amount").PressSequentiallyAsync("3,20");
        await Expect(session.Field("amount")).Not.ToContainTextAsync("greater than zero");
        await Expect(page.Locator(".mud-input-error")).ToHaveCountAsync(0);
        Assert.Equal(0, (await app.Links.ListAsync(session.Merchant, new())).TotalCount);
    }
}
