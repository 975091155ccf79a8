using System.Net;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;
using PaymentLinks.Tests.Shared;

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

    [Fact]
    public async Task Sixty_customers_approving_at_the_bank_at_once_on_a_link_of_five_are_five_captures_and_fifty_five_voids()
    {
        var merchant = await _app.NewMerchantAsync("Busy Bakery");
        var link = await _app.ActiveLinkAsync(merchant, maxUsages: 5);
        var customers = Enumerable.Range(0, 60).Select(_ => new CheckoutCustomer(_app)).ToList();
        var atTheBank = new List<(CheckoutCustomer Customer, string Bank)>();
        foreach (var customer in customers) // every one of them has the bank's approval before any is counted
            atTheBank.Add((customer, await customer.StartAsync(link.PublicId)));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var approvals = atTheBank.Select(c => Task.Run(async () =>
        {
            await gate.Task;
            return await c.Customer.ApproveAtAsync(c.Bank);
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(approvals);

        Assert.Equal(5, outcomes.Count(o => o.Status == HttpStatusCode.OK && o.Html.Contains("Payment received")));
        Assert.Equal(55, outcomes.Count(o => o.Status == HttpStatusCode.Gone && o.Html.Contains("You have not been charged")));
        // The rail worker carries out the outbox by itself, as it does in production.
        await Poll.UntilAsync(async () =>
        {
            await using var db = _app.NewContext();
            return await db.RailOperations.CountAsync(o => o.Status == RailOperationStatus.Succeeded) == 60;
        }, "every capture and void confirmed by the sandbox bank");
        await using var done = _app.NewContext();
        var ledger = await done.SandboxBankEntries.AsNoTracking().ToListAsync();
        Assert.Equal((5, 55), (ledger.Count(e => e.Action == RailAction.Capture), ledger.Count(e => e.Action == RailAction.Void)));
        Assert.Equal(60, ledger.Select(e => e.PaymentId).Distinct().Count()); // none charged twice, none both charged and released
        var captured = ledger.Where(e => e.Action == RailAction.Capture).Select(e => e.PaymentId).ToList();
        Assert.Equal(5, await done.PaymentAttempts.CountAsync(a => captured.Contains(a.Id) && a.Status == PaymentStatus.Completed && a.CapturedAt != null));
    }

    [Fact]
    public async Task Forty_customers_buying_one_to_five_units_of_a_link_of_ten_complete_exactly_ten_payments()
    {
        var merchant = await _app.NewMerchantAsync("Busy Merch Stand");
        var link = (await _app.Links.CreateAsync(merchant, new LinkSettings
        {
            Title = "Tour poster", Amount = 12m, Currency = "EUR", MaxUsages = 10, MaxQuantity = 5,
        }, publish: true)).Value;
        var customers = Enumerable.Range(0, 40).Select(i => (Customer: new CheckoutCustomer(_app), Quantity: i % 5 + 1)).ToList();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var journeys = customers.Select(c => Task.Run(async () =>
        {
            await gate.Task;
            return await c.Customer.PayAsync(link.PublicId, new() { ["quantity"] = c.Quantity.ToString() });
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(journeys);

        Assert.Equal(10, outcomes.Count(o => o.Status == HttpStatusCode.OK && o.Html.Contains("Payment received")));
        Assert.Equal(30, outcomes.Count(o => o.Status == HttpStatusCode.Gone));
        await using var db = _app.NewContext();
        var completed = await db.PaymentAttempts.AsNoTracking().Where(a => a.LinkId == link.Id && a.Status == PaymentStatus.Completed).ToListAsync();
        Assert.Equal(10, completed.Count);
        Assert.All(completed, p => Assert.Equal(p.Quantity * 1200L, p.AmountMinor));
        var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
        Assert.Equal((10, LinkStatus.Used), (stored.Usages, stored.Status));
    }
}
