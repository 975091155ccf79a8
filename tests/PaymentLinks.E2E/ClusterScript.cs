using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PaymentLinks.E2E;

/// <summary>
/// scripts/cluster.sh as a newcomer runs it (PostgreSQL, instances a and b, nginx in front), on free ports and with
/// the build the tests already made; <see cref="StopAsync"/> runs its stop.
/// </summary>
public sealed class ClusterScript
{
    private readonly Dictionary<string, string> _environment;

    private ClusterScript(int front, int a, int b, int postgres)
    {
        FrontUrl = $"http://127.0.0.1:{front}/";
        InstancePorts = (a, b);
        DatabaseConnectionString = $"Host=127.0.0.1;Port={postgres};Username=postgres;Database=paymentlinks";
        _environment = new()
        {
            ["PAYMENTLINKS_CLUSTER_PORT"] = front.ToString(),
            ["PAYMENTLINKS_CLUSTER_APP_PORTS"] = $"{a} {b}",
            ["PAYMENTLINKS_PG_PORT"] = postgres.ToString(),
            ["PAYMENTLINKS_CLUSTER_NO_BUILD"] = "1",
            ["PAYMENTLINKS_CLUSTER_CONFIGURATION"] = BuildConfiguration,
        };
    }

    public string FrontUrl { get; }
    public (int A, int B) InstancePorts { get; }
    public string DatabaseConnectionString { get; }

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static async Task<ClusterScript> StartAsync()
    {
        var cluster = new ClusterScript(FreePort(), FreePort(), FreePort(), FreePort());
        await cluster.RunAsync("start");
        return cluster;
    }

    public Task StopAsync() => RunAsync("stop");

    /// <summary>SIGKILL to one instance, as a crashed machine would leave it.</summary>
    public async Task KillInstanceAsync(string name)
    {
        var pidFile = Path.Combine($"/tmp/paymentlinks-cluster-{_environment["PAYMENTLINKS_CLUSTER_PORT"]}", $"instance-{name}.pid");
        using var process = Process.GetProcessById(int.Parse((await File.ReadAllTextAsync(pidFile)).Trim()));
        process.Kill();
        await process.WaitForExitAsync();
    }

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "cluster.sh"), command])
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

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "PaymentLinks.Dashboard.sln")))
                return folder.FullName;
        throw new InvalidOperationException("The repository root (PaymentLinks.Dashboard.sln) is not above the test binaries.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
