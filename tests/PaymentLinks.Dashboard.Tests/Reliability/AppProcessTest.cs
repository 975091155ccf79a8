using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Reliability;

/// <summary>
/// A test against the app running as its own process over the run's own database, with the test's own
/// services on the same database to set things up and to check what was stored.
/// </summary>
public abstract class AppProcessTest : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.ForThisRun();

    protected AppProcess App { get; private set; } = default!;
    protected TestDatabase Database => _database;
    protected ServiceHarness Harness { get; private set; } = default!;

    /// <summary>Configuration of the app process beyond the test defaults, asked for once before it starts.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        App = await AppProcess.StartAsync(_database, settings); // migrates the database
        Harness = new ServiceHarness(database: _database, settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value));
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Harness.DisposeAsync();
        _database.Dispose();
    }
}
