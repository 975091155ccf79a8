using PaymentLinks.Dashboard.Tests.Services;

namespace PaymentLinks.Dashboard.Tests.Reliability;

/// <summary>
/// A test against the app running as its own process over a SQLite file of its own, with the test's own
/// services on the same file to set things up and to check what was stored.
/// </summary>
public abstract class AppProcessTest : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paymentlinks-process-").FullName;

    protected AppProcess App { get; private set; } = default!;
    protected ServiceHarness Harness { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(_folder, "app.db");
        App = await AppProcess.StartAsync(database); // creates and migrates the database
        Harness = new ServiceHarness(settings: new Dictionary<string, string?> { ["ConnectionStrings:PaymentLinks"] = $"Data Source={database}" });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Harness.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
