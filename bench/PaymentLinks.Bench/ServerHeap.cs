using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaymentLinks.Bench;

/// <summary>
/// The server's live managed heap, by type, as dotnet-gcdump reports it (the repository's local tool). Taking the dump
/// runs a full garbage collection first, so the figure is what the process keeps, unlike its resident memory, which
/// the server GC grows and returns in steps that have little to do with what is alive.
/// </summary>
public static partial class ServerHeap
{
    public sealed record Snapshot(long Bytes, IReadOnlyDictionary<string, long> BytesByType);

    public static async Task<Snapshot> MeasureAsync(int processId)
    {
        var report = await RunGcdumpAsync($"report -p {processId}");
        var total = HeapBytes().Match(report);
        if (!total.Success)
            throw new InvalidOperationException($"dotnet-gcdump printed no heap size:\n{report}");
        var byType = new Dictionary<string, long>();
        // A row gives one object's size and how many there are (sampled on a large heap): their product is an estimate.
        foreach (Match row in TypeRow().Matches(report))
        {
            var type = row.Groups["type"].Value;
            byType[type] = byType.GetValueOrDefault(type) + Number(row.Groups["bytes"].Value) * Number(row.Groups["count"].Value);
        }
        return new Snapshot(Number(total.Groups["bytes"].Value), byType);
    }

    /// <summary>Where the growth went (to standard error, for docs/PERFORMANCE.md): the types that grew most, per circuit, estimated.</summary>
    public static void PrintGrowth(Snapshot before, Snapshot after, int circuits)
    {
        Console.Error.WriteLine($"Managed heap growth per circuit ({(after.Bytes - before.Bytes) / circuits:N0} bytes in all), estimated by type:");
        foreach (var (type, bytes) in after.BytesByType
                     .Select(entry => (entry.Key, entry.Value - before.BytesByType.GetValueOrDefault(entry.Key)))
                     .OrderByDescending(entry => entry.Item2).Take(15))
            Console.Error.WriteLine($"  {bytes / circuits,10:N0}  {type}");
    }

    private static async Task<string> RunGcdumpAsync(string arguments)
    {
        using var gcdump = Process.Start(new ProcessStartInfo("dotnet", $"dotnet-gcdump {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = gcdump.StandardOutput.ReadToEndAsync();
        var errors = gcdump.StandardError.ReadToEndAsync();
        await gcdump.WaitForExitAsync();
        if (gcdump.ExitCode != 0)
            throw new InvalidOperationException($"dotnet-gcdump failed (run `dotnet tool restore` first): {await errors}{await output}");
        return await output;
    }

    private static long Number(string digits) => long.Parse(digits, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex HeapBytes();

    // "   8,388,632         6  System.Char[] (Bytes > 1M)  [System.Private.CoreLib.dll]"
    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+(?<count>[\d,]+)\s+(?<type>.+?)\s*(\(Bytes > [^)]*\))?\s+\[[^\]]*\]\s*$", RegexOptions.Multiline)]
    private static partial Regex TypeRow();
}
