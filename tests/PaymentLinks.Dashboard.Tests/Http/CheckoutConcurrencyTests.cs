using System.Net;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Tests.Http;

public sealed class CheckoutConcurrencyTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_hundred_customers_paying_a_link_of_ten_at_once_through_the_pages_complete_exactly_ten()
    {
        var merchant = await _app.NewMerchantAsync("Busy Box Office");
        var link = await _app.ActiveLinkAsync(merchant, maxUsages: 10);
        var customers = Enumerable.Range(0, 100).Select(_ => new CheckoutCustomer(_app)).ToList();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var journeys = customers.Select(customer => Task.Run(async () =>
        {
            await gate.Task;
            return await customer.PayAsync(link.PublicId);
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(journeys);

        Assert.Equal(10, outcomes.Count(o => o.Status == HttpStatusCode.OK && o.Html.Contains("Payment received")));
        Assert.Equal(90, outcomes.Count(o => o.Status == HttpStatusCode.Gone && o.Html.Contains("No longer accepting payments")));
        await using var db = _app.NewContext();
        Assert.Equal(10, await db.PaymentAttempts.CountAsync(a => a.LinkId == link.Id && a.Status == PaymentStatus.Completed));
        var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
        Assert.Equal((10, LinkStatus.Used), (stored.Usages, stored.Status));
    }
}
