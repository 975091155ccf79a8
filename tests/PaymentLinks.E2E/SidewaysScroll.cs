using Microsoft.Playwright;

namespace PaymentLinks.E2E;

public static class SidewaysScroll
{
    /// <summary>On a phone and on a desktop, the page is no wider than the window (long words wrap); then back to its own size.</summary>
    public static async Task ExpectNoneAsync(IPage page)
    {
        var own = page.ViewportSize!;
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{page.Url} at {width} px scrolls {overflow} px sideways");
        }
        await page.SetViewportSizeAsync(own.Width, own.Height);
    }
}
