using System.Diagnostics;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.E2E;

/// <summary>
/// scripts/cluster.sh as a newcomer runs it (PostgreSQL, instances a and b, nginx in front), on free ports and with
/// the build the tests already made; <see cref="StopAsync"/> runs its stop.
/// </summary>
public sealed class ClusterScript
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"paymentlinks-cluster-test-{Guid.NewGuid():N}");

    private ClusterScript(int front, int a, int b, int postgres)
    {
        FrontUrl = $"http://127.0.0.1:{front}/";
        DatabaseConnectionString = $"Host=127.0.0.1;Port={postgres};Username=postgres;Database=paymentlinks";
        _environment = new()
        {
            ["PAYMENTLINKS_CLUSTER_PORT"] = front.ToString(),
            ["PAYMENTLINKS_CLUSTER_APP_PORTS"] = $"{a} {b}",
            ["PAYMENTLINKS_PG_PORT"] = postgres.ToString(),
            ["PAYMENTLINKS_CLUSTER_NO_BUILD"] = "1",
            ["PAYMENTLINKS_CLUSTER_CONFIGURATION"] = BuildConfiguration,
            ["PAYMENTLINKS_CLUSTER_DIR"] = _state,
        };
    }

    public string FrontUrl { get; }
    public string DatabaseConnectionString { get; }

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static async Task<ClusterScript> StartAsync()
    {
        var cluster = new ClusterScript(LocalMachine.FreePort(), LocalMachine.FreePort(), LocalMachine.FreePort(), LocalMachine.FreePort());
        await cluster.RunAsync("start");
        return cluster;
    }

    public Task StopAsync() => RunAsync("stop");

    /// <summary>SIGKILL to one instance, as a crashed machine would leave it.</summary>
    public async Task KillInstanceAsync(string name)
    {
        var pidFile = Path.Combine(_state, $"instance-{name}.pid");
        using var process = Process.GetProcessById(int.Parse((await File.ReadAllTextAsync(pidFile)).Trim()));
        process.Kill();
        await process.WaitForExitAsync();
    }

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(LocalMachine.RepositoryRoot(), "scripts", "cluster.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/cluster.sh {command} failed ({process.ExitCode}): {await output} {await errors}");
    }
}
