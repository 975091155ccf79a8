using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Bench;

/// <summary>
/// Completed payments per second: through the services (start + complete, as checkout calls them), through the
/// real checkout steps over HTTP, and a bare conditional UPDATE of the usage counter on the same database as the
/// floor every completion stands on. Then many customers against a small limit: not one payment over it.
/// </summary>
public static class CompletionBench
{
    /// <summary>Links the spread-out customers pay: real traffic is many customers over many links.</summary>
    private const int SpreadLinks = 100;

    public static async Task RunAsync(BenchServices services, Uri app, TimeSpan duration)
    {
        var merchant = await BenchMerchant.CreateAsync(services, "Completion Bench");
        var payments = services.Get<PaymentService>();
        var bare = await BareUpdatesAsync(services, merchant, duration);
        Report.Row("bare conditional UPDATE of one link's usages, 8 writers", $"{bare:F0} /s", "1.00 (baseline)");

        // All customers on one link: its payments queue on its row, so the bare UPDATE of one row is their ceiling.
        foreach (var customers in new[] { 8, 32 })
        {
            var link = await BenchMerchant.ActiveLinkAsync(services, merchant, maxUsages: 1_000_000);
            var rate = await Report.ThroughputAsync(customers, duration, _ => PayAsync(payments, link.PublicId));
            Report.Row($"completion, service level, {customers} customers on one link", $"{rate:F0} payments/s",
                $"{Report.Ratio(rate, bare)} of bare UPDATE");
        }

        var spread = new List<string>();
        for (var i = 0; i < SpreadLinks; i++)
            spread.Add((await BenchMerchant.ActiveLinkAsync(services, merchant, maxUsages: 1_000_000)).PublicId);
        var serviceRates = new Dictionary<int, double>();
        foreach (var customers in new[] { 8, 32 })
        {
            serviceRates[customers] = await Report.ThroughputAsync(customers, duration, _ => PayAsync(payments, spread[Random.Shared.Next(SpreadLinks)]));
            Report.Row($"completion, service level, {customers} customers over {SpreadLinks} links", $"{serviceRates[customers]:F0} payments/s",
                $"{Report.Ratio(serviceRates[customers], bare)} of bare UPDATE", "≥ 1,500 payments/s");
        }

        foreach (var customers in new[] { 8, 32 })
        {
            var browsers = Enumerable.Range(0, customers).Select(_ => new HttpCustomer(app)).ToList();
            var rate = await Report.ThroughputAsync(customers, duration, worker => browsers[worker].PayAsync(spread[Random.Shared.Next(SpreadLinks)]));
            browsers.ForEach(browser => browser.Dispose());
            Report.Row($"completion over HTTP (5 requests each), {customers} customers over {SpreadLinks} links", $"{rate:F0} payments/s",
                $"{Report.Ratio(rate, serviceRates[customers])} of service level", "≥ 0.25");
        }

        await OverUsageAsync(services, merchant);
    }

    /// <summary>One customer's payment as checkout makes it: start (the bank step), then the bank's approval.</summary>
    private static async Task<bool> PayAsync(PaymentService payments, string publicId)
    {
        var started = await payments.StartAsync(publicId);
        return started.IsSuccess && await payments.CompleteAsync(started.Value.Id) is { IsSuccess: true, Value.Status: PaymentStatus.Completed };
    }

    private static async Task<double> BareUpdatesAsync(BenchServices services, MerchantCaller merchant, TimeSpan duration)
    {
        var link = await BenchMerchant.ActiveLinkAsync(services, merchant, maxUsages: 1_000_000, title: "Bare counter");
        return await Report.ThroughputAsync(8, duration, async _ =>
        {
            await using var db = services.NewContext();
            return await db.PaymentLinks.Where(l => l.Id == link.Id && l.Usages < l.MaxUsages)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Usages, l => l.Usages + 1)) == 1;
        });
    }

    /// <summary>32 customers racing for a link that allows 300: exactly 300 complete, and the link says so.</summary>
    private static async Task OverUsageAsync(BenchServices services, MerchantCaller merchant)
    {
        const int limit = 300;
        var payments = services.Get<PaymentService>();
        var link = await BenchMerchant.ActiveLinkAsync(services, merchant, maxUsages: limit, title: "Limited loaf");
        var completed = 0;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (await payments.StartAsync(link.PublicId) is { IsSuccess: true } started)
                if (await payments.CompleteAsync(started.Value.Id) is { IsSuccess: true, Value.Status: PaymentStatus.Completed })
                    Interlocked.Increment(ref completed);
        })));
        var stored = (await services.Get<PaymentLinkService>().GetAsync(merchant, link.PublicId)).Value;
        Report.Row($"over-usage, 32 customers on a {limit}-usage link", $"{completed - limit} (completed {completed}, stored {stored.Usages}, {stored.Status})",
            "", "0");
        if (completed != limit || stored.Usages != limit)
            Environment.ExitCode = 1;
    }
}
