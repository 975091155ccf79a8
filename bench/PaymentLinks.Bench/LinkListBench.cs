using System.Diagnostics;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Bench;

/// <summary>
/// The dashboard's list queries for a merchant with many links (the demo merchant, so that the browser part can
/// show them on the links page): first page, a deep page, a status filter with a sort, a title search and a count.
/// </summary>
public static class LinkListBench
{
    private const int PageSize = 20; // the links page's
    private const int DeepPage = 2_000;
    private const string Target = "p95 < 15 ms";

    public static async Task SeedAsync(BenchServices services, int count)
    {
        var merchant = await BenchMerchant.DemoAsync(services);
        var watch = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow.AddSeconds(-count);
        const int batch = 2_000;
        for (var first = 0; first < count; first += batch)
        {
            await using var db = services.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(count, first + batch); i++)
                db.PaymentLinks.Add(NewLink(merchant, i, start.AddSeconds(i)));
            await db.SaveChangesAsync();
        }
        Report.Row($"seed {count:N0} links for one merchant", $"{watch.Elapsed.TotalSeconds:F0} s ({count / watch.Elapsed.TotalSeconds:F0} links/s)");
    }

    // A third drafts; of the published, every tenth disabled and every twentieth archived.
    private static PaymentLink NewLink(MerchantCaller merchant, int i, DateTimeOffset createdAt)
    {
        var settings = new LinkSettings { Title = $"Loaf {i:D7}", Amount = 3.20m + i % 50, Currency = "EUR", MaxUsages = 100 };
        var link = PaymentLink.Create(merchant.MerchantId, settings, publish: i % 3 != 0, createdAt, merchant.Actor).Value;
        if (i % 3 != 0 && i % 10 == 1)
            link.Apply(LinkTrigger.Disable, createdAt, merchant.Actor);
        if (i % 3 != 0 && i % 20 == 2)
            link.Apply(LinkTrigger.Archive, createdAt, merchant.Actor);
        return link;
    }

    public static async Task MeasureAsync(BenchServices services, int count, int runs)
    {
        var merchant = await BenchMerchant.DemoAsync(services);
        var links = services.Get<PaymentLinkService>();
        var random = new Random(7);
        var queries = new (string What, Func<LinkQuery> Query)[]
        {
            ("list page 1", () => new LinkQuery { Take = PageSize }),
            ($"list page {DeepPage:N0}", () => new LinkQuery { Take = PageSize, Skip = (DeepPage - 1) * PageSize }),
            ("list DRAFT sorted by amount", () => new LinkQuery { Take = PageSize, Statuses = [LinkStatus.Draft], Sort = LinkSort.Amount, Descending = false }),
            ("list title search", () => new LinkQuery { Take = PageSize, Search = $"loaf {random.Next(count):D7}" }),
            ("count of all links", () => new LinkQuery { Take = 1, Statuses = Enum.GetValues<LinkStatus>() }),
        };
        foreach (var (what, query) in queries)
            Report.Row($"{what}, {count:N0} links, service level", Report.Milliseconds(await Report.LatenciesAsync(runs, () => links.ListAsync(merchant, query()))), "", Target);
    }
}
