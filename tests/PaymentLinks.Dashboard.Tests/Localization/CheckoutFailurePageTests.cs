using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Dashboard.Checkout;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>Where no checkout endpoint answers, the customer still gets the checkout's page in their language.</summary>
public sealed class CheckoutFailurePageTests
{
    [Fact]
    public async Task Too_many_views_get_the_checkouts_429_page_in_the_customers_language()
    {
        await using var app = new DashboardApp(new() { ["RateLimits:CheckoutView:PermitLimit"] = "1" });
        var browser = Browser(app, "he-IL,he;q=0.9");
        await browser.GetAsync("/pay/pl_AAAAAAAAAAAAAAAAAAAA");

        var limited = await browser.GetAsync("/pay/pl_AAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var seconds = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        var page = LocalizedPage.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(("he", "rtl"), (page.Language, page.Direction));
        Assert.Contains(CheckoutWords.In("he", "Unavailable.TooManyRequests.Text", seconds), page.Text);
    }

    [Fact]
    public async Task A_failure_on_a_checkout_page_gets_the_checkouts_500_page_in_the_customers_language()
    {
        await using var app = new DashboardApp(services: services =>
            services.AddSingleton<CheckoutDraft>(_ => throw new InvalidOperationException("the checkout cannot be read")));

        var failed = await Browser(app, "ja").GetAsync($"/pay/{(await app.ActiveLinkAsync(await app.NewMerchantAsync("Broken Bakery"), 5)).PublicId}");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var page = LocalizedPage.Parse(await failed.Content.ReadAsStringAsync());
        Assert.Equal("ja", page.Language);
        Assert.Contains(CheckoutWords.In("ja", "Unavailable.Failed.Text"), page.Text);
        Assert.DoesNotContain("cannot be read", page.Text);
    }

    private static HttpClient Browser(DashboardApp app, string acceptLanguage)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return browser;
    }
}
