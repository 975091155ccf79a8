using System.Collections.Concurrent;
using System.Diagnostics;

namespace PaymentLinks.Tests.Shared;

/// <summary>
/// The app as its own operating-system process on a loopback port, over a test database: what a crash test can
/// kill with SIGKILL (no shutdown code runs) and start again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly AppProcessOptions _options;
    private Process _process = default!;

    private AppProcess(TestDatabase database, int port, IReadOnlyDictionary<string, string> settings, AppProcessOptions options)
    {
        _database = database;
        _settings = settings;
        _options = options;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>Every line the process wrote to stdout, in order, across its restarts.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>Every line it wrote to stderr.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <param name="settings">More configuration (<c>Stripe:ApiBase</c>, say), over the test defaults.</param>
    /// <param name="options">Environment and log level, when a test reads the logs; Development and Warning by default.</param>
    public static async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, AppProcessOptions? options = null)
    {
        var app = new AppProcess(database, LocalMachine.FreePort(), settings ?? new Dictionary<string, string>(), options ?? new AppProcessOptions());
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// Runs one of the app's commands (<c>backup &lt;file&gt;</c>, say) on <paramref name="database"/> as its own process, as an
    /// operator runs it, and waits for it to end.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [AppAssembly(), .. arguments])
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
        };
        foreach (var (key, value) in database.Settings)
            start.Environment[key.Replace(":", "__")] = value;
        using var command = Process.Start(start)!;
        var output = command.StandardOutput.ReadToEndAsync();
        var errors = command.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await command.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            command.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', arguments)}` did not end within a minute.");
        }
        return (command.ExitCode, await output, await errors);
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [AppAssembly()])
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = _options.Environment,
                ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
                ["Links__PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
                ["DemoData__Enabled"] = "false",
                ["Api__RateLimit__PermitLimit"] = "1000000",
                ["Logging__LogLevel__Default"] = _options.LogLevel,
                // A killed instance's claim on a capture or void runs out in seconds here, not a minute.
                ["Rails__Lease"] = "00:00:05",
                ["Rails__RetryBaseDelay"] = "00:00:01",
                // The same for a message being sent; mail a test does not read goes to files, never into the repository.
                ["Email__Lease"] = "00:00:05",
                ["Email__PollInterval"] = "00:00:00.200",
                ["Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "paymentlinks-test-mail"),
            },
        };
        foreach (var (key, value) in GenerousRateLimits.Settings.Concat(_database.Settings).Concat(_settings))
            start.Environment[key.Replace(":", "__")] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Keep(Output, line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(Errors, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync("health")).IsSuccessStatusCode;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, "the app process to answer /health", seconds: 60);
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
            lines.Enqueue(line);
    }

    /// <summary>The process's resident memory and open handles (file descriptors on Linux) right now.</summary>
    public (long WorkingSet, int Handles) Sample()
    {
        _process.Refresh();
        return (_process.WorkingSet64, _process.HandleCount);
    }

    /// <summary>SIGKILL: the process ends mid-request, with no chance to finish or flush anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    /// <summary>The app as the solution build left it (its own folder has its static-asset manifest).</summary>
    private static string AppAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/<project>/bin/<configuration>/<framework>/
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        var assembly = Path.Combine(LocalMachine.RepositoryRoot(), "src", "PaymentLinks.Dashboard", "bin", configuration, framework, "PaymentLinks.Dashboard.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the solution first (dotnet build); the app is missing.", assembly);
    }
}

/// <summary>How the app process runs: its ASPNETCORE_ENVIRONMENT and its default log level.</summary>
public sealed record AppProcessOptions(string Environment = "Development", string LogLevel = "Warning");
