using System.Diagnostics;

namespace PaymentLinks.Bench;

/// <summary>
/// Rows of the benchmark table, printed as they are measured: "| what | figure | ratio | target |". Figures are
/// absolute and machine-dependent; ratios compare two figures measured in the same run.
/// </summary>
public static class Report
{
    public static void Row(string what, string figure, string ratio = "", string target = "") =>
        Console.WriteLine($"| {what} | {figure} | {ratio} | {target} |");

    public static string Ratio(double part, double whole) => whole > 0 ? $"{part / whole:F2}" : "n/a";

    /// <summary>Runs <paramref name="query"/> <paramref name="runs"/> times after one warm-up, and returns its p50 and p95 in ms.</summary>
    public static async Task<(double P50, double P95)> LatenciesAsync(int runs, Func<Task> query)
    {
        await query(); // the first run compiles the query
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[runs / 2], times[Math.Min(runs - 1, runs * 95 / 100)]);
    }

    public static string Milliseconds((double P50, double P95) latencies) => $"p50 {latencies.P50:F1} ms, p95 {latencies.P95:F1} ms";

    /// <summary>How many times <paramref name="workers"/> concurrent loops of <paramref name="once"/> succeed per second for <paramref name="duration"/>.</summary>
    public static async Task<double> ThroughputAsync(int workers, TimeSpan duration, Func<int, Task<bool>> once)
    {
        var done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
                if (await once(worker))
                    Interlocked.Increment(ref done);
        })));
        return done / watch.Elapsed.TotalSeconds;
    }
}
