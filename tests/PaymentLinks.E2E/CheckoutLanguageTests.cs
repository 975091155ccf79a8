using System.Globalization;
using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>
/// A customer whose browser speaks another language pays from start to finish in it, on a phone and on a desktop: the
/// pay page, the bank step, the receipt and the used-link page, each in the language's words and direction, the amount
/// written as the language writes it, nothing scrolling sideways.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CheckoutLanguageTests(AppFixture app)
{
    [Theory]
    [InlineData("ar-SA", "ar", "rtl", "SAR", 1234.5)]
    [InlineData("he-IL", "he", "rtl", "ILS", 89.9)]
    [InlineData("de-DE", "de", "ltr", "EUR", 1234.5)]
    [InlineData("ja-JP", "ja", "ltr", "JPY", 1500)]
    [InlineData("es-MX", "es-419", "ltr", "MXN", 499)]
    public async Task A_customer_pays_from_start_to_finish_in_their_own_language(
        string browserLocale, string language, string direction, string currency, double price)
    {
        var (_, merchant) = await app.NewMerchantAsync($"Tienda {language}");
        var link = (await app.Links.CreateAsync(merchant, new LinkSettings
        {
            Title = "Gift card", Amount = (decimal)price, Currency = currency, MaxUsages = 1,
        }, publish: true)).Value;
        var amount = Money.Format((decimal)price, currency, CultureInfo.GetCultureInfo(language));
        var page = await app.NewPageAsync(width: 390, height: 844, locale: browserLocale);
        string Words(string key, params object[] values) => CheckoutWords.In(language, key, values);

        await page.GotoAsync($"pay/{link.PublicId}");
        await ExpectLanguageAsync(page, language, direction);
        await Expect(page.GetByLabel(Words("Pay.AmountToPay"))).ToHaveTextAsync(amount);
        await SidewaysScroll.ExpectNoneAsync(page);
        if (direction == "rtl")
        {
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = Words("Pay.PayAmount", amount) }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Words("Bank.Heading") })).ToBeVisibleAsync();
        await ExpectLanguageAsync(page, language, direction);
        await Expect(page.Locator(".summary")).ToContainTextAsync(amount);
        await SidewaysScroll.ExpectNoneAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = Words("Bank.Approve") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Words("Receipt.Received") })).ToBeVisibleAsync();
        await ExpectLanguageAsync(page, language, direction);
        await Expect(page.Locator(".summary")).ToContainTextAsync(amount);
        await Expect(page.GetByText(Words("Receipt.PrintHint"))).ToBeVisibleAsync();
        await SidewaysScroll.ExpectNoneAsync(page);

        var again = await page.GotoAsync($"pay/{link.PublicId}");
        Assert.Equal(410, again!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Words("Unavailable.Used") })).ToBeVisibleAsync();
        await Expect(page.GetByText(Words("Unavailable.Used.Text"))).ToBeVisibleAsync();
        await ExpectLanguageAsync(page, language, direction);
        await SidewaysScroll.ExpectNoneAsync(page);
    }

    [Fact]
    public async Task The_language_menu_turns_the_page_into_the_chosen_language_and_the_choice_holds_to_the_bank()
    {
        var (_, merchant) = await app.NewMerchantAsync("Menu Merchants");
        var link = (await app.Links.CreateAsync(merchant, new LinkSettings { Title = "Tea", Amount = 12.5m, Currency = "EUR" }, publish: true)).Value;
        var page = await app.NewPageAsync(width: 390, height: 844, locale: "en-GB");
        await page.GotoAsync($"pay/{link.PublicId}");

        await page.Locator("summary", new() { HasText = "Language" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "עברית" }).ClickAsync();

        await ExpectLanguageAsync(page, "he", "rtl");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^" + CheckoutWords.In("he", "Pay.PayAmount", "").Trim()) }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = CheckoutWords.In("he", "Bank.Heading") })).ToBeVisibleAsync();
        await ExpectLanguageAsync(page, "he", "rtl");
    }

    [Fact]
    public async Task A_merchant_picks_the_customers_language_and_a_browser_that_asks_for_none_of_ours_gets_it()
    {
        var session = await DashboardSession.StartAsync(app, "Café Lumière");
        var link = (await app.Links.CreateAsync(session.Merchant, new LinkSettings { Title = "Croissant", Amount = 3m, Currency = "EUR" }, publish: true)).Value;
        await session.OpenAsync("settings/account");

        await session.Page.GetByLabel("Customers' language").ClickAsync();
        await session.Page.GetByRole(AriaRole.Option, new() { Name = "Français" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(session.Snackbar).ToContainTextAsync("Account saved");

        var customer = await app.NewPageAsync(width: 390, height: 844, locale: "sw-KE");
        await customer.GotoAsync($"pay/{link.PublicId}");
        await ExpectLanguageAsync(customer, "fr", "ltr");
        var price = Money.Format(3m, "EUR", CultureInfo.GetCultureInfo("fr"));
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = CheckoutWords.In("fr", "Pay.PayAmount", price) })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_link_made_in_the_form_with_its_own_language_speaks_it_to_a_browser_that_asks_for_none_of_ours()
    {
        var session = await DashboardSession.StartAsync(app, "Padaria Central");
        var page = session.Page;
        await session.OpenAsync("links/new");
        await page.GetByLabel("Title").FillAsync("Pão de queijo");
        await page.GetByLabel("Amount").FillAsync("12");

        await session.ChooseAsync("Customers' language", "Português (Brasil)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pão de queijo", Level = 1 })).ToBeVisibleAsync();
        var link = (await app.Links.ListAsync(session.Merchant, new())).Items.Single();
        Assert.Equal("pt-BR", link.Settings.CheckoutLanguage);
        var customer = await app.NewPageAsync(width: 390, height: 844, locale: "sw-KE");
        await customer.GotoAsync($"pay/{link.PublicId}");
        await ExpectLanguageAsync(customer, "pt-BR", "ltr");
    }

    private static async Task ExpectLanguageAsync(IPage page, string language, string direction)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
    }
}
