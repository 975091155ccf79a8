using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

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
        await using (var db = services.NewContext())
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection)
                await SeedPostgresAsync(db, merchant, count, start);
            else
                await SeedThroughTheDomainAsync(services, merchant, count, start);
        }
        Report.Row($"seed {count:N0} links for one merchant", $"{watch.Elapsed.TotalSeconds:F0} s ({count / watch.Elapsed.TotalSeconds:F0} links/s)");
    }

    private static async Task SeedThroughTheDomainAsync(BenchServices services, MerchantCaller merchant, int count, DateTimeOffset start)
    {
        const int batch = 2_000;
        for (var first = 0; first < count; first += batch)
        {
            await using var db = services.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(count, first + batch); i++)
                db.PaymentLinks.Add(NewLink(merchant, i, start.AddSeconds(i)));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// A million links through EF would take most of the run's ten minutes, so PostgreSQL gets one link made by the
    /// domain and copied by one INSERT … SELECT, with the same titles, amounts, statuses and dates as
    /// <see cref="NewLink"/> gives (the count triggers and indexes see every row as usual). Then the table is vacuumed
    /// and analysed, as autovacuum does to a freshly loaded table, so its index-only scans and statistics are current.
    /// </summary>
    private static async Task SeedPostgresAsync(AppDbContext db, MerchantCaller merchant, int count, DateTimeOffset start)
    {
        var template = NewLink(merchant, 0, start);
        db.PaymentLinks.Add(template);
        await db.SaveChangesAsync();
        var columns = await db.Database.SqlQuery<string>($"""
            SELECT column_name AS "Value" FROM information_schema.columns WHERE table_name = 'PaymentLinks' ORDER BY ordinal_position
            """).ToListAsync();
        var at = "(t.\"CreatedAt\" + i * interval '1 second')";
        var computed = new Dictionary<string, string>
        {
            ["Id"] = "md5(random()::text || i)::uuid",
            ["PublicId"] = "'pl_' || substr(md5(random()::text || i), 1, 20)",
            ["Title"] = "'Loaf ' || lpad(i::text, 7, '0')",
            ["AmountMinor"] = "320 + (i % 50) * 100",
            ["Status"] = "CASE WHEN i % 3 = 0 THEN 'DRAFT' WHEN i % 10 = 1 THEN 'DISABLED' WHEN i % 20 = 2 THEN 'ARCHIVED' ELSE 'ACTIVE' END",
            ["FirstPublishedAt"] = $"CASE WHEN i % 3 = 0 THEN NULL ELSE {at} END",
            ["CreatedAt"] = at, ["UpdatedAt"] = at, ["StatusChangedAt"] = at,
        };
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(c => computed.GetValueOrDefault(c, $"t.\"{c}\"")));
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        // The columns are the table's own and the expressions this method's constants; the template's id goes as a parameter.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO "PaymentLinks" ({names})
            SELECT {values} FROM "PaymentLinks" t CROSS JOIN generate_series(1, {count - 1}) AS i WHERE t."Id" = @template
            """, new NpgsqlParameter("template", template.Id));
#pragma warning restore EF1002
        await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "PaymentLinks";""");
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
