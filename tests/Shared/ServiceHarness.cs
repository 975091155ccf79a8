using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Expiry;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Tests.Shared;

/// <summary>
/// The real services over a migrated database: the run's own fresh one (SQLite or PostgreSQL, see
/// <see cref="TestDatabase"/>), one shared with an app under test, or a copy of <paramref name="startFrom"/>
/// (a SQLite file an earlier release made).
/// </summary>
public sealed class ServiceHarness : IAsyncLifetime
{
    private readonly ServiceProvider _services;
    private readonly TestDatabase? _ownDatabase;

    // Where the mail pickup folder goes when a test sends no mail to a server.
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("paymentlinks-harness-").FullName;

    public ServiceHarness(
        TimeProvider? clock = null, TimeSpan? sweeperInterval = null, IDictionary<string, string?>? settings = null,
        string? startFrom = null, TestDatabase? database = null)
    {
        Clock = clock ?? TimeProvider.System;
        if (database is null)
            database = _ownDatabase = startFrom is null ? TestDatabase.ForThisRun() : TestDatabase.Sqlite(startFrom);
        Database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings!).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ExpirySweeper:Interval"] = (sweeperInterval ?? TimeSpan.FromMinutes(5)).ToString(),
            ["Webhooks:AllowLoopback"] = "true", // the receivers of these tests listen on 127.0.0.1
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Clock);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ContentRootPath = _contentRoot });
        services.AddPaymentLinksInfrastructure(configuration);
        _services = services.BuildServiceProvider();
    }

    public TimeProvider Clock { get; }
    public TestDatabase Database { get; }
    public PaymentLinkService Links => _services.GetRequiredService<PaymentLinkService>();
    public PaymentService Payments => _services.GetRequiredService<PaymentService>();
    public LinkExpiry Expiry => _services.GetRequiredService<LinkExpiry>();
    public IServiceProvider Services => _services;

    public AppDbContext NewContext() => _services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db);
    }

    public async Task<MerchantCaller> NewMerchantAsync(string name = "Test Shop")
    {
        await using var db = NewContext();
        return await TestMerchants.AddAsync(db, name, Clock.GetUtcNow());
    }

    public static LinkSettings Settings(int maxUsages = 1000, DateTimeOffset? expiresAt = null, string title = "Workshop seat") => new()
    {
        Title = title,
        Amount = 49.90m,
        Currency = "EUR",
        MaxUsages = maxUsages,
        ExpiresAt = expiresAt,
        RedirectUrl = "https://shop.example/thanks",
    };

    public async Task<LinkView> ActiveLinkAsync(MerchantCaller merchant, int maxUsages = 1000, DateTimeOffset? expiresAt = null) =>
        (await Links.CreateAsync(merchant, Settings(maxUsages, expiresAt), publish: true)).Value;

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _ownDatabase?.Dispose();
        Directory.Delete(_contentRoot, recursive: true);
    }

    public string ContentRoot => _contentRoot;
}
