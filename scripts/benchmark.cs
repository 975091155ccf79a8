#:sdk Microsoft.NET.Sdk.Web
#:project ../src/PaymentLinks.Infrastructure/PaymentLinks.Infrastructure.csproj
#:property PublishAot=false

// Prints figures for the shared services over a fresh SQLite file: how fast links are created, how the
// dashboard's list queries behave with many links, and completion throughput with concurrent customers.
// Run on demand, never in the test suite:   dotnet run scripts/benchmark.cs [links]   (default 5000)
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;

var linkCount = args.Length > 0 ? int.Parse(args[0]) : 5000;
var folder = Directory.CreateTempSubdirectory("paymentlinks-bench-").FullName;
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:PaymentLinks"] = $"Data Source={Path.Combine(folder, "bench.db")}",
});
builder.Services.AddPaymentLinksInfrastructure(builder.Configuration);
using var host = builder.Build(); // never started: the sweeper and the webhook dispatcher stay idle
var services = host.Services;
var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
await using (var db = await contexts.CreateDbContextAsync())
    await DatabaseSetup.MigrateAsync(db);
var links = services.GetRequiredService<PaymentLinkService>();
var payments = services.GetRequiredService<PaymentService>();

var merchant = new Merchant(Guid.NewGuid(), "Benchmark Bakery", "UTC", DateTimeOffset.UtcNow);
await using (var db = await contexts.CreateDbContextAsync())
{
    db.Merchants.Add(merchant);
    await db.SaveChangesAsync();
}
var caller = new MerchantCaller(merchant.Id, Actor.User("benchmark"));
LinkSettings Settings(int i, int maxUsages = 1000) => new()
{
    Title = $"Loaf {i:D5}", Amount = 3.20m + i % 50, Currency = "EUR", MaxUsages = maxUsages,
};

Console.WriteLine($"PaymentLinks benchmark: {linkCount} links, SQLite in {folder}, {Environment.ProcessorCount} cores");
Console.WriteLine();

// 1. Creating links, one transaction each (every third one a draft).
var created = new List<LinkView>(linkCount);
var clock = Stopwatch.StartNew();
for (var i = 0; i < linkCount; i++)
    created.Add((await links.CreateAsync(caller, Settings(i), publish: i % 3 != 0)).Value);
Report("create link", linkCount, clock.Elapsed);

// 2. The dashboard's list queries over all of them.
var random = new Random(7);
await Latencies("list page 1 (default filter, newest first)", 200, () => links.ListAsync(caller, new LinkQuery()));
await Latencies("list deep page (skip 80%)", 200, () => links.ListAsync(caller, new LinkQuery { Skip = linkCount * 4 / 5 }));
await Latencies("list search by title", 200, () => links.ListAsync(caller, new LinkQuery { Search = $"Loaf {random.Next(linkCount):D5}" }));
await Latencies("list filter DRAFT, sort by amount", 200, () => links.ListAsync(caller, new LinkQuery { Statuses = [LinkStatus.Draft], Sort = LinkSort.Amount }));
await Latencies("get by public id", 500, () => links.GetAsync(caller, created[random.Next(linkCount)].PublicId));

// 3. Customers paying one link at once: start + complete each, 8 workers, until the link is used up.
const int usages = 400;
var busy = (await links.CreateAsync(caller, Settings(-1, maxUsages: usages), publish: true)).Value;
var completed = 0;
var refused = 0;
clock.Restart();
await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
{
    while (Volatile.Read(ref completed) < usages)
    {
        var started = await payments.StartAsync(busy.PublicId);
        if (!started.IsSuccess)
            break;
        var finished = await payments.CompleteAsync(started.Value.Id);
        if (finished.IsSuccess && finished.Value.Status == PaymentLinks.Domain.Payments.PaymentStatus.Completed)
            Interlocked.Increment(ref completed);
        else
            Interlocked.Increment(ref refused);
    }
})));
Report($"pay one link, 8 workers (completed {completed} of {usages}, refused {refused})", completed, clock.Elapsed);
var stored = (await links.GetAsync(caller, busy.PublicId)).Value;
Console.WriteLine($"  stored afterwards: usages {stored.Usages} / {stored.MaxUsages}, status {stored.Status.ToDisplayName()}");

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);

static void Report(string what, int count, TimeSpan elapsed) =>
    Console.WriteLine($"{what,-58} {count,6} in {elapsed.TotalSeconds,6:F2} s  = {count / elapsed.TotalSeconds,8:F0} /s");

static async Task Latencies<T>(string what, int runs, Func<Task<T>> query)
{
    await query(); // warm up: the first query compiles it
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await query();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine($"{what,-58} p50 {times[runs / 2],6:F2} ms  p95 {times[runs * 95 / 100],6:F2} ms  max {times[^1],6:F2} ms");
}
