using Microsoft.Playwright;

namespace PaymentLinks.Bench;

/// <summary>
/// What an idle dashboard costs the server: the app's resident memory before and after 50 signed-in tabs (headless
/// Chromium pages, each with its own Blazor circuit) sit on the links page.
/// </summary>
public static class CircuitBench
{
    private const int Tabs = 50;

    public static async Task RunAsync(Uri app, int serverProcessId)
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

        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = ResidentKilobytes(serverProcessId);
        for (var i = 0; i < Tabs; i++)
        {
            var tab = await context.NewPageAsync();
            await tab.GotoAsync("links");
            await tab.GetByRole(AriaRole.Heading, new() { Name = "Payment links" }).WaitForAsync();
            await tab.WaitForFunctionAsync("() => document.querySelector('.mud-table') !== null");
        }
        await Task.Delay(TimeSpan.FromSeconds(5)); // idle: what the circuits keep, not what opening them cost
        var after = ResidentKilobytes(serverProcessId);
        Report.Row($"server memory, {Tabs} idle dashboard circuits", $"{before / 1024:N0} → {after / 1024:N0} MB",
            $"{(after - before) / Tabs:N0} KB per circuit", "≤ 250 KB per circuit");
    }

    private static long ResidentKilobytes(int processId) =>
        long.Parse(File.ReadLines($"/proc/{processId}/status").First(line => line.StartsWith("VmRSS:"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
