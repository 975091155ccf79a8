using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>The confirmation before Archive and Expire now, used with the keyboard.</summary>
[Collection(AppCollection.Name)]
public sealed class ConfirmDialogTests(AppFixture app)
{
    [Theory]
    [InlineData("Archive")]
    [InlineData("Expire now")]
    public async Task Focus_starts_on_cancel_stays_on_what_is_visible_and_escape_returns_it_to_the_opener(string action)
    {
        var session = await DashboardSession.StartAsync(app, $"Keyboard {action} Shop");
        var link = await session.CreateLinkAsync("Walnut desk");
        await session.OpenAsync($"links/{link.Id}");
        var page = session.Page;
        var opener = session.MoreActions;

        await session.ChooseMoreActionAsync(action);

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = action, Exact = true });
        await Expect(confirm).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-button-filled-error"));
        var visited = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            visited.Add(await page.EvaluateAsync<string>("""
                () => { const e = document.activeElement; const box = e.getBoundingClientRect();
                        const shown = box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
                        return (shown && e.closest('[role=dialog]') ? '' : 'HIDDEN ') + e.textContent.trim(); }
                """));
        }
        Assert.Equal([action, "Cancel", action, "Cancel"], visited);

        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(opener).ToBeFocusedAsync();
        await session.ExpectBadgeAsync("ACTIVE");
        Assert.Equal(LinkStatus.Active, (await app.Links.GetAsync(session.Merchant, link.PublicId)).Value.Status);
    }
}
