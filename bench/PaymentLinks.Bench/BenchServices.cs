using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Bench;

/// <summary>
/// The app's own services over the database the app under test uses, as a second process would (another instance
/// on PostgreSQL, a second writer on the SQLite file). The host is never started: no sweeper or dispatcher runs here.
/// </summary>
public sealed class BenchServices : IAsyncDisposable
{
    private readonly IHost _host;

    public BenchServices(string provider, string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:PaymentLinks"] = connectionString,
        });
        builder.Services.AddPaymentLinksInfrastructure(builder.Configuration);
        _host = builder.Build();
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public AppDbContext NewContext() => Get<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }
}
