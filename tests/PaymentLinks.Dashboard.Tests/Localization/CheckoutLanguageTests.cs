using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>Which language the customer's pages speak, over HTTP: the address, then the kept choice, then the browser.</summary>
public sealed class CheckoutLanguageTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_Arabic_browser_gets_the_pay_page_in_Arabic_right_to_left()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Gulf Goods"), maxUsages: 5);

        var page = await OpenAsync($"/pay/{link.PublicId}", acceptLanguage: "ar-SA,ar;q=0.9");

        Assert.Equal(("ar", "rtl"), (page.Language, page.Direction));
        Assert.Contains(CheckoutWords.In("ar", "Pay.PayAmount", Money.Format(30m, "EUR", CultureInfo.GetCultureInfo("ar"))), page.Text);
        Assert.Contains(CheckoutWords.In("ar", "Document.TestRibbon"), page.Text);
    }

    [Fact]
    public async Task A_locale_on_the_address_beats_the_browser_and_holds_to_the_receipt()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Loja Lisboa"), maxUsages: 5);
        var browser = Browser("de-DE,de;q=0.9");
        var customer = new CheckoutCustomer(browser);

        var opened = await browser.GetAsync($"/pay/{link.PublicId}?locale=pt-BR");
        var bank = await customer.StartAsync(link.PublicId);
        var receipt = await customer.ApproveAtAsync(bank);

        Assert.Equal("pt-BR", LocalizedPage.Parse(await opened.Content.ReadAsStringAsync()).Language);
        Assert.Equal("pt-BR", opened.Content.Headers.ContentLanguage.Single());
        var paid = LocalizedPage.Parse(receipt.Html);
        Assert.Equal(("pt-BR", "ltr"), (paid.Language, paid.Direction));
        Assert.Contains(CheckoutWords.In("pt-BR", "Receipt.Received"), paid.Text);
        Assert.Contains(Money.Format(30m, "EUR", CultureInfo.GetCultureInfo("pt-BR")), paid.Text);
        await using var db = _app.NewContext();
        Assert.Equal("pt-BR", (await db.PaymentAttempts.SingleAsync()).Language); // the customer's mail speaks it
    }

    [Theory]
    [InlineData("xx-garbage", "fr")]
    [InlineData("%3Cscript%3E", "fr")]
    [InlineData("", "fr")]
    [InlineData("xx-garbage", null)]
    public async Task A_locale_that_is_not_ours_falls_back_in_silence(string locale, string? browserLanguage)
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Fallback Fares"), maxUsages: 5);

        var response = await Browser(browserLanguage).GetAsync($"/pay/{link.PublicId}?locale={locale}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(browserLanguage ?? "en", LocalizedPage.Parse(await response.Content.ReadAsStringAsync()).Language);
    }

    [Theory]
    [InlineData("sw-KE,sw;q=0.9", "de")] // a language the checkout does not speak
    [InlineData(null, "de")]
    [InlineData("fr", "fr")] // the browser's own language comes first
    public async Task A_browser_that_asks_for_none_of_ours_gets_the_merchants_language_for_customers(string? browserLanguage, string shown)
    {
        var merchant = await _app.NewMerchantAsync("Kaffee Klatsch");
        var profiles = _app.Services.GetRequiredService<MerchantProfiles>();
        Assert.True((await profiles.UpdateAsync(merchant, "Kaffee Klatsch", "Europe/Berlin", "de")).IsSuccess);
        var link = await _app.ActiveLinkAsync(merchant, maxUsages: 5);

        var response = await Browser(browserLanguage).GetAsync($"/pay/{link.PublicId}");

        Assert.Equal(shown, LocalizedPage.Parse(await response.Content.ReadAsStringAsync()).Language);
    }

    [Theory]
    [InlineData("sw-KE,sw;q=0.9", "pt-BR")]
    [InlineData(null, "pt-BR")]
    [InlineData("fr", "fr")] // the browser's own language still comes first
    public async Task A_links_own_language_comes_before_the_merchants(string? browserLanguage, string shown)
    {
        var merchant = await _app.NewMerchantAsync("Kaffee Brasil");
        Assert.True((await _app.Services.GetRequiredService<MerchantProfiles>().UpdateAsync(merchant, "Kaffee Brasil", "UTC", "de")).IsSuccess);
        var brazilian = (await _app.Links.CreateAsync(merchant, new LinkSettings
        {
            Title = "Café especial", Amount = 30m, Currency = "BRL", CheckoutLanguage = "pt-BR",
        }, publish: true)).Value;
        var plain = await _app.ActiveLinkAsync(merchant, maxUsages: 5);

        var response = await Browser(browserLanguage).GetAsync($"/pay/{brazilian.PublicId}");

        Assert.Equal(shown, LocalizedPage.Parse(await response.Content.ReadAsStringAsync()).Language);
        var merchants = await Browser(browserLanguage).GetAsync($"/pay/{plain.PublicId}");
        Assert.Equal(shown == "fr" ? "fr" : "de", LocalizedPage.Parse(await merchants.Content.ReadAsStringAsync()).Language);
    }

    [Fact]
    public async Task A_language_the_checkout_does_not_speak_is_refused_for_customers_and_nothing_changes()
    {
        var merchant = await _app.NewMerchantAsync("Steady Stall");
        var profiles = _app.Services.GetRequiredService<MerchantProfiles>();

        var refused = await profiles.UpdateAsync(merchant, "Renamed Stall", "UTC", "xx-garbage");

        Assert.Equal(MerchantProfiles.CheckoutLanguageField, Assert.Single(refused.Refusal!.Fields).Field);
        Assert.Equal(("Steady Stall", null), ((await profiles.GetAsync(merchant.MerchantId))!.BusinessName, (await profiles.GetAsync(merchant.MerchantId))!.CheckoutLanguage));
    }

    [Fact]
    public async Task A_used_link_says_so_in_Spanish_to_a_Spanish_browser()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Tienda Única"), maxUsages: 1);
        var customer = new CheckoutCustomer(Browser("es"));
        await customer.ApproveAtAsync(await customer.StartAsync(link.PublicId));

        var response = await Browser("es").GetAsync($"/pay/{link.PublicId}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Accept-Language", response.Headers.Vary); // no shared cache serves it to a German browser
        var page = LocalizedPage.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("es", page.Language);
        Assert.Contains(CheckoutWords.In("es", "Unavailable.Used"), page.Text);
        Assert.Contains(CheckoutWords.In("es", "Unavailable.Used.Text"), page.Text);
    }

    [Fact]
    public async Task A_refused_answer_is_explained_in_the_customers_language_by_its_field()
    {
        var merchant = await _app.NewMerchantAsync("Maison Claire");
        var link = (await _app.Links.CreateAsync(merchant, new LinkSettings
        {
            Title = "Atelier", Amount = 12.5m, Currency = "EUR",
            CustomerDetails = new() { Email = DetailMode.Required },
        }, publish: true)).Value;
        var customer = new CheckoutCustomer(Browser("fr-FR,fr;q=0.9"));

        var refused = await customer.PostPayFormToAsync(link.PublicId, $"/pay/{link.PublicId}", new() { ["email"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var page = LocalizedPage.Parse(refused.Html);
        var message = CheckoutWords.In("fr", "Problem.required", CheckoutWords.In("fr", "Field.Email"));
        Assert.Equal(message, page.Document.QuerySelector("#email-error")!.TextContent.Replace(CheckoutWords.In("fr", "Field.Error") + " ", ""));
        Assert.StartsWith(CheckoutWords.In("fr", "Pay.ErrorTitle", ""), page.Document.Title);
        // The refused page answers a post: its language menu leads to the pay page, not to an address that only takes posts.
        Assert.Equal($"/pay/{link.PublicId}?locale=de", page.Document.QuerySelector(".language-menu a[hreflang=de]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_language_menu_offers_every_language_in_its_own_name_as_plain_links()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Menu Market"), maxUsages: 5);

        var page = await OpenAsync($"/pay/{link.PublicId}", acceptLanguage: "he");

        var entries = page.Document.QuerySelectorAll(".language-menu a").ToList();
        Assert.Equal(Infrastructure.CheckoutLanguages.Names, entries.Select(a => a.GetAttribute("hreflang")));
        var hebrew = entries.Single(a => a.GetAttribute("hreflang") == "he");
        Assert.Equal(("?locale=he", "עברית", "true"), (hebrew.GetAttribute("href"), hebrew.TextContent, hebrew.GetAttribute("aria-current")));
        Assert.Equal("Deutsch", entries.Single(a => a.GetAttribute("lang") == "de").TextContent);
    }

    private async Task<LocalizedPage> OpenAsync(string path, string acceptLanguage)
    {
        var response = await Browser(acceptLanguage).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return LocalizedPage.Parse(await response.Content.ReadAsStringAsync());
    }

    private HttpClient Browser(string? acceptLanguage)
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (acceptLanguage is not null)
            browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return browser;
    }
}
