using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Whatever the keyboard is on shows the one amber ring, in both themes.</summary>
[Collection(AppCollection.Name)]
public sealed class FocusRingTests(AppFixture app)
{
    [Fact]
    public async Task Buttons_links_menus_and_check_boxes_show_the_amber_ring_when_tabbed_to()
    {
        var session = await DashboardSession.StartAsync(app, "Ringed Rings");
        await session.CreateLinkAsync("Silver band");
        await session.OpenAsync("links");
        var page = session.Page;
        var seen = new Dictionary<string, string>();

        foreach (var dark in new[] { false, true })
        {
            if (dark)
                await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
            await page.EvaluateAsync("() => document.activeElement?.blur()"); // Tab starts again from the top
            for (var i = 0; i < 40 && seen.Count < 4 * (dark ? 2 : 1); i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var (kind, ring) = await FocusedAsync(page);
                if (kind is not null)
                    seen.TryAdd($"{kind} {(dark ? "dark" : "light")}", ring);
            }
        }

        Assert.True(seen.Count == 8, string.Join(", ", seen.Keys));
        Assert.All(seen, pair => Assert.Equal("solid 3px rgb(245, 158, 11)", pair.Value));
    }

    /// <summary>The kind of control focused (button, link, menu, check box) and the ring drawn round it.</summary>
    private static async Task<(string? Kind, string Ring)> FocusedAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => {
                const e = document.activeElement;
                const box = e.closest('.mud-button-root:has(> input)') ?? e;
                const kind = e.matches('input[type=checkbox]') ? 'checkbox' : e.matches('[aria-haspopup=menu]') ? 'menu'
                    : e.matches('a') ? 'link' : e.matches('button') ? 'button' : '';
                const s = getComputedStyle(box);
                return [kind, `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`];
            }
            """);
        return (found[0] == "" ? null : found[0], found[1]);
    }
}
