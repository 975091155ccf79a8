using Microsoft.Playwright;

namespace PaymentLinks.E2E;

public static class SidewaysScroll
{
    private const string NoneScript = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";

    /// <summary>
    /// On a phone and on a desktop, the page is no wider than the window (long words wrap); then back to its own size.
    /// A resized dashboard moves its drawer for a moment, so the page is given a few seconds to settle, not more.
    /// </summary>
    public static async Task ExpectNoneAsync(IPage page)
    {
        var own = page.ViewportSize!;
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            try
            {
                await page.WaitForFunctionAsync(NoneScript, null, new() { Timeout = 5000 });
            }
            catch (TimeoutException)
            {
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.Fail($"{page.Url} at {width} px scrolls {overflow} px sideways");
            }
        }
        await page.SetViewportSizeAsync(own.Width, own.Height);
    }
}
