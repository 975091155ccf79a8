using Microsoft.Playwright;

namespace PaymentLinks.Bench;

/// <summary>
/// The dashboard in headless Chromium, signed in as the demo merchant: what an idle dashboard costs the server (its
/// live managed heap, and its resident memory, before and after 50 tabs, each with its own Blazor circuit, sit on the
/// links page), and how long
/// the links page takes from navigation to its rows on screen, the page's data loaded over the circuit.
/// </summary>
public static class CircuitBench
{
    private const int Tabs = 50;
    private static readonly string FailureScreenshot = Path.Combine(Path.GetTempPath(), "paymentlinks-bench-tab.png");

    public static async Task RunAsync(Uri app, int serverProcessId, int links)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PAYMENTLINKS_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = app.ToString() });
        var first = await context.NewPageAsync();
        await first.GotoAsync("account/login");
        await first.GetByLabel("Email").FillAsync(BenchMerchant.DemoEmail);
        await first.GetByLabel("Password").FillAsync(BenchMerchant.DemoPassword);
        await first.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await first.WaitForURLAsync(url => !url.Contains("/account/login"));
        await first.CloseAsync();

        // Warm-up: the server's first circuits also pay for code and caches that every later one shares.
        foreach (var tab in await OpenLinkTabsAsync(context, 5))
            await tab.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (residentBefore, heapBefore) = (ResidentKilobytes(serverProcessId), await ServerHeap.MeasureAsync(serverProcessId));
        var tabs = await OpenLinkTabsAsync(context, Tabs);
        await Task.Delay(TimeSpan.FromSeconds(5)); // idle: what the circuits keep, not what opening them cost
        var (residentAfter, heapAfter) = (ResidentKilobytes(serverProcessId), await ServerHeap.MeasureAsync(serverProcessId));
        Report.Row($"server's live managed heap, {Tabs} idle dashboard circuits", $"{heapBefore.Bytes / 1024 / 1024:N0} → {heapAfter.Bytes / 1024 / 1024:N0} MB",
            $"{(heapAfter.Bytes - heapBefore.Bytes) / 1024 / Tabs:N0} KB per circuit", "≤ 250 KB per circuit");
        Report.Row($"server's resident memory, {Tabs} idle dashboard circuits", $"{residentBefore / 1024:N0} → {residentAfter / 1024:N0} MB",
            $"{(residentAfter - residentBefore) / Tabs:N0} KB per circuit");
        ServerHeap.PrintGrowth(heapBefore, heapAfter, Tabs);
        foreach (var tab in tabs)
            await tab.CloseAsync();
        await ListPagesAsync(await context.NewPageAsync(), links);
    }

    private static async Task<List<IPage>> OpenLinkTabsAsync(IBrowserContext context, int count)
    {
        var tabs = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            tabs.Add(await context.NewPageAsync());
            await tabs[^1].GotoAsync("links");
            try
            {
                await SeededRow(tabs[^1]).WaitForAsync(); // loaded over the circuit: it is connected
            }
            catch (TimeoutException)
            {
                await tabs[^1].ScreenshotAsync(new() { Path = FailureScreenshot });
                throw new TimeoutException($"Tab {i + 1} showed no links within 30 s; see {FailureScreenshot}.");
            }
        }
        return tabs;
    }

    private static async Task ListPagesAsync(IPage tab, int links)
    {
        foreach (var (what, path, number) in new[]
        {
            ("page 1", "links", ""),
            ("page 2,000", "links?page=2000", ""),
            ("title search", "links?q=loaf%200012345", "0012345"),
        })
        {
            var latencies = await Report.LatenciesAsync(10, async () =>
            {
                await tab.GotoAsync(path);
                await SeededRow(tab, number).WaitForAsync();
            });
            Report.Row($"links page in the browser, {what}, {links:N0} links: navigation to rows shown", Report.Milliseconds(latencies));
        }
    }

    /// <summary>A row of the links grid showing a link the benchmark seeded ("Loaf 0012345").</summary>
    private static ILocator SeededRow(IPage tab, string number = "") =>
        tab.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Loaf {number}" }).First;

    private static long ResidentKilobytes(int processId) =>
        long.Parse(File.ReadLines($"/proc/{processId}/status").First(line => line.StartsWith("VmRSS:"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
