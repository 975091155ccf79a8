using Microsoft.Extensions.DependencyInjection;
using Bunit;
using PaymentLinks.Dashboard.Components.Overview;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class OverviewPageTests : DashboardTestContext
{
    [Fact]
    public async Task The_overview_totals_completed_payments_per_currency_charts_them_and_lists_what_is_running_out()
    {
        var shirt = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Shirt") with { MaxQuantity = 5, MaxUsages = 4 }, publish: true)).Value;
        var tour = (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: "Tour") with { Currency = "USD", ExpiresAt = Harness.Clock.GetUtcNow().AddDays(2) }, publish: true)).Value;
        foreach (var (link, quantity, email) in new[] { (shirt, 3, "ada@example.com"), (shirt, 1, "bob@example.com"), (tour, 1, "cy@example.com") })
        {
            var attempt = (await Harness.Payments.StartAsync(link.PublicId, answers: new CheckoutAnswers { Quantity = $"{quantity}", Email = email })).Value;
            await Harness.Payments.CompleteAsync(attempt.Id);
        }
        await Harness.Payments.FailAsync((await Harness.Payments.StartAsync(tour.PublicId)).Value.Id);

        var page = RenderPage<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("199.60 EUR", page.Find("[data-testid=total-EUR]").TextContent));
        Assert.Contains("2 payments", page.Find("[data-testid=total-EUR]").TextContent);
        Assert.Contains("49.90 USD", page.Find("[data-testid=total-USD]").TextContent);
        Assert.StartsWith("payments?status=completed&from=", page.Find("[data-testid=total-EUR]").GetAttribute("href"));
        Assert.Contains("3 completed payments over the last 30 days, 3 today", page.Find("[data-testid=payments-per-day]").GetAttribute("aria-label"));
        Assert.EndsWith("199.60 EUR in all, 49.90 USD in all", page.Find("[data-testid=amount-per-day]").GetAttribute("aria-label"));
        Assert.Contains("Shirt", page.Find("[aria-label='Closest to their usage limit']").TextContent);
        Assert.Contains("2 / 4", page.Find("[aria-label='Closest to their usage limit']").TextContent);
        Assert.Contains("Tour", page.Find("[aria-label='Expiring soonest']").TextContent);
        var latest = page.Find("[aria-label='Latest payments']").TextContent;
        Assert.Contains("FAILED", latest);
        Assert.Contains("cy@example.com", latest);
    }

    [Fact]
    public async Task Figures_say_what_period_they_cover_rates_read_alike_and_big_numbers_are_not_headings()
    {
        var link = await Harness.ActiveLinkAsync(Merchant);
        var views = Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.CheckoutService>();
        for (var i = 0; i < 3; i++)
            await views.OpenAsync(link.PublicId, countView: true);
        await Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.CheckoutViewCounts>().FlushAsync();
        await Harness.Payments.CompleteAsync((await Harness.Payments.StartAsync(link.PublicId)).Value.Id);

        var page = RenderPage<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("Net in EUR after refunds, last 30 days", page.Find("[data-testid=total-EUR]").TextContent));
        Assert.Contains("Conversion, all time", page.Find("[data-testid=conversion]").TextContent);
        Assert.Equal("33%", page.Find("[data-testid=conversion] .figure-value").TextContent.Trim());
        Assert.Empty(page.FindAll("h5"));
    }

    [Fact]
    public void Chart_days_are_labelled_as_people_write_dates_every_fifth_day_back_from_today()
    {
        var days = Enumerable.Range(0, 30).Select(i => new DateOnly(2026, 11, 4).AddDays(i)).ToList();

        var labels = PaymentLinks.Dashboard.Components.Shared.DailyCharts.Labels(days);

        Assert.Equal(["3 Dec", "28 Nov", "23 Nov", "18 Nov", "13 Nov", "8 Nov"], labels.Reverse().Where(l => l != ""));
    }

    [Fact]
    public void A_merchant_without_links_is_invited_to_create_the_first_one()
    {
        var page = RenderPage<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("Create your first link", page.Find("[aria-label='No links yet']").TextContent));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "links/new");
    }
}
