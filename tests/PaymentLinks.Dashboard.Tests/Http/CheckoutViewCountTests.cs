using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// A pay page's views are counted in memory and saved once a second (<see cref="CheckoutViewCounts"/>): opening
/// the page writes nothing, yet every view reaches the merchant's funnel, also the last ones before a stop.
/// </summary>
public sealed class CheckoutViewCountTests
{
    [Fact]
    public async Task Opening_pay_pages_writes_nothing_until_a_flush_adds_every_view_and_tells_the_dashboard_once()
    {
        var services = new ServiceHarness(); // its background workers never start: only the flush below saves
        await services.InitializeAsync();
        var merchant = await services.NewMerchantAsync("Counted Candles");
        var link = await services.ActiveLinkAsync(merchant);
        var heard = new List<LinkChanged>();
        using var _ = services.Services.GetRequiredService<ILinkEvents>().Subscribe(merchant.MerchantId, change =>
        {
            lock (heard)
                heard.Add(change);
            return Task.CompletedTask;
        });
        var checkout = services.Services.GetRequiredService<CheckoutService>();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => checkout.OpenAsync(link.PublicId, countView: true))));

        Assert.Equal(0, await StoredViewsAsync(services, link.Id));
        Assert.Empty(heard);

        await services.Services.GetRequiredService<CheckoutViewCounts>().FlushAsync();

        Assert.Equal(50, await StoredViewsAsync(services, link.Id));
        await Poll.UntilAsync(() => Task.FromResult(heard.Count > 0), "the dashboard hears of the views");
        Assert.Equal(LinkChangeKind.CheckoutViewed, Assert.Single(heard).Kind);
        await services.DisposeAsync();
    }

    [Fact]
    public async Task Views_of_many_customers_at_once_are_all_saved_by_the_time_the_app_has_stopped()
    {
        using var database = TestDatabase.ForThisRun();
        var app = new DashboardApp(database: database);
        var link = await app.ActiveLinkAsync(await app.NewMerchantAsync("Busy Bakery"), maxUsages: 100);
        var client = app.CreateClient();

        var pages = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.GetAsync($"/pay/{link.PublicId}")));
        await app.DisposeAsync(); // a graceful stop: the views counted since the last flush are saved on the way out

        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.StatusCode));
        var services = new ServiceHarness(database: database);
        Assert.Equal(200, await StoredViewsAsync(services, link.Id));
        await services.DisposeAsync();
    }

    private static async Task<int> StoredViewsAsync(ServiceHarness services, Guid linkId)
    {
        await using var db = services.NewContext();
        return await db.PaymentLinks.Where(l => l.Id == linkId).Select(l => l.CheckoutViews).SingleAsync();
    }
}
