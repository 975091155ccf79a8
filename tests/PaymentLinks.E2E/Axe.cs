using System.Text.Json;
using Microsoft.Playwright;

namespace PaymentLinks.E2E;

/// <summary>Runs axe-core (from npm, see package.json) in the page and fails on serious or critical violations.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(FindScript()));

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // Evaluated from outside, as the pages' Content-Security-Policy (rightly) refuses an injected script tag.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
            await page.EvaluateAsync(Script.Value);
        // Read as a person sees the page once it is ready: not while its controls wait, disabled, for the live page.
        await Assertions.Expect(page.Locator("fieldset.page-shell:disabled")).ToHaveCountAsync(0);
        // Read once the page has its title: once in a CI run axe found the account page without one, as the live page took over.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        // A colour read halfway through a transition (a button just enabled, a row just hovered) is neither colour.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)))");
        var violations = await SeriousViolationsAsync(page);
        if (violations.GetArrayLength() > 0)
        {
            // Once in a while axe reads the head just as the live page replaces the served one, between the old <title>
            // going and the new one coming: a page is read again, once its title is back, and what it still has fails.
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
            violations = await SeriousViolationsAsync(page);
        }
        Assert.True(violations.GetArrayLength() == 0, $"axe-core on {page.Url}: {violations}");
    }

    private static Task<JsonElement> SeriousViolationsAsync(IPage page) =>
        page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))
            """);

    private static string FindScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "PaymentLinks.E2E", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            "axe-core is not installed. Run: npm ci --prefix tests/PaymentLinks.E2E (test.sh does this).");
    }
}
