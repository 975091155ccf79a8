using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Operations;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c> package) on a free loopback port, scraping one target every
/// second, with its configuration and storage in a temporary folder that goes with it.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly HttpClient _api;

    private PrometheusServer(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Starts Prometheus scraping <c>/metrics</c> at <paramref name="target"/> (host:port) and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string target)
    {
        Assert.True(File.Exists(Executable),
            $"{Executable} is missing: install Debian's Prometheus with `apt-get install -y prometheus` (.ci/run does).");
        var folder = Directory.CreateTempSubdirectory("paymentlinks-prometheus-");
        var config = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: paymentlinks
                static_configs:
                  - targets: ["{target}"]
            """);
        var port = LocalMachine.FreePort();
        var start = new ProcessStartInfo(Executable,
        [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, port);
        await Poll.UntilAsync(server.IsReadyAsync, "Prometheus to be ready", seconds: 20);
        return server;
    }

    /// <summary>The value of an instant query that yields one series (a sum, say); null while it yields none.</summary>
    public async Task<double?> ValueAsync(string query)
    {
        var answer = await _api.GetFromJsonAsync<JsonElement>($"api/v1/query?query={Uri.EscapeDataString(query)}");
        var series = answer.GetProperty("data").GetProperty("result");
        return series.GetArrayLength() == 0
            ? null
            : double.Parse(series[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private async Task<bool> IsReadyAsync()
    {
        Assert.False(_process.HasExited, $"Prometheus exited at start with code {(_process.HasExited ? _process.ExitCode : 0)}");
        try
        {
            return (await _api.GetAsync("-/ready")).IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _api.Dispose();
        _folder.Delete(recursive: true);
    }
}
