using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.ScaleOut;

/// <summary>The move from SQLite to PostgreSQL: the demo database, copied, is the same database to the app.</summary>
[Trait("Provider", "PostgresOnly")]
public sealed class DatabaseCopyTests : IAsyncLifetime
{
    private readonly TestDatabase _sqlite = TestDatabase.Sqlite();
    private readonly TestDatabase _postgres = TestDatabase.Postgres();

    public async Task InitializeAsync()
    {
        // The demo merchant and its links in every state, with payments and history, made as `dotnet run` makes them.
        await using var demo = new DashboardApp(new() { ["DemoData:Enabled"] = "true" }, _sqlite);
        _ = demo.Services;
    }

    public Task DisposeAsync()
    {
        _sqlite.Dispose();
        _postgres.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_demo_database_copied_to_postgres_shows_the_same_links_payments_and_history_and_a_second_copy_is_refused()
    {
        var report = new StringWriter();
        await CopyAsync(report);

        Assert.Matches(@"PaymentLinks\s+\d+", report.ToString());
        await using var before = new DashboardApp(new() { ["DemoData:Enabled"] = "false" }, _sqlite);
        await using var after = new DashboardApp(new() { ["DemoData:Enabled"] = "false" }, _postgres);
        await using (var was = before.NewContext())
        await using (var now = after.NewContext())
        {
            Assert.NotEmpty(await was.PaymentAttempts.ToListAsync());
            Assert.Equal(await Links(was), await Links(now));
            Assert.Equal(await Payments(was), await Payments(now));
            Assert.Equal(await History(was), await History(now));
            Assert.Equal(await was.Users.OrderBy(u => u.Email).Select(u => u.Email).ToListAsync(),
                await now.Users.OrderBy(u => u.Email).Select(u => u.Email).ToListAsync());
            Assert.Equal(await was.Memberships.OrderBy(m => m.UserId).Select(m => $"{m.MerchantId} {m.UserId} {m.Role}").ToListAsync(),
                await now.Memberships.OrderBy(m => m.UserId).Select(m => $"{m.MerchantId} {m.UserId} {m.Role}").ToListAsync());
            Assert.NotEmpty(await was.OutgoingMail.ToListAsync());
            Assert.Equal(await was.OutgoingMail.OrderBy(m => m.Id).Select(m => $"{m.Id} {m.Kind} {m.Status} {m.Address}").ToListAsync(),
                await now.OutgoingMail.OrderBy(m => m.Id).Select(m => $"{m.Id} {m.Kind} {m.Status} {m.Address}").ToListAsync());
        }

        // New rows on PostgreSQL get new ids after the copied ones (the sequences moved on).
        var merchant = await after.NewMerchantAsync("After the move");
        Assert.True((await after.Links.CreateAsync(merchant, ServicesSettings(), publish: true)).IsSuccess);

        var refused = await Assert.ThrowsAsync<DatabaseCopyRefused>(() => CopyAsync(new StringWriter()));
        Assert.Contains("not empty", refused.Message);
    }

    private async Task CopyAsync(TextWriter report)
    {
        await using var source = DatabaseSetup.NewContext(_sqlite.Provider, _sqlite.ConnectionString);
        await using var target = DatabaseSetup.NewContext(_postgres.Provider, _postgres.ConnectionString);
        await new DatabaseCopy(source, target, report).RunAsync();
    }

    private static Domain.Links.LinkSettings ServicesSettings() => ServiceHarness.Settings();

    /// <summary>PostgreSQL keeps instants to the microsecond, SQLite's text to the tick (0.1 µs): compared as PostgreSQL keeps them.</summary>
    private static string Micro(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff") ?? "-";

    private static async Task<List<string>> Links(AppDbContext db) => (await db.PaymentLinks.OrderBy(l => l.Id).ToListAsync())
        .Select(l => $"{l.Id} {l.PublicId} {l.Title} {l.Status} {l.Usages}/{l.MaxUsages} v{l.Version} {Micro(l.ExpiresAt)}").ToList();

    private static async Task<List<string>> Payments(AppDbContext db) => (await db.PaymentAttempts.OrderBy(a => a.Id).ToListAsync())
        .Select(a => $"{a.Id} {a.LinkId} {a.Status} {a.Amount} {Micro(a.CreatedAt)} {Micro(a.FinishedAt)}").ToList();

    private static async Task<List<string>> History(AppDbContext db) => (await db.LinkStatusChanges.OrderBy(c => c.Id).ToListAsync())
        .Select(c => $"{c.Id} {c.LinkId} {c.From}->{c.To} {Micro(c.At)} {c.ActorKind} {c.ActorId}").ToList();
}
