using Microsoft.Playwright;

namespace PaymentLinks.E2E;

/// <summary>The sign-in form, as a person fills it in.</summary>
public static class SignInPage
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        // Fill the form only once the page and its script have settled, so nothing re-renders under the typing.
        await page.GotoAsync("account/login", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // Polls the page's address rather than waiting for a navigation event: the next page may have arrived (by
            // a redirect, or Blazor's enhanced navigation) before a wait began, and on a busy machine its load event
            // was seen not to come within the timeout while the page already showed the overview.
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 20_000 });
        }
        catch (PlaywrightException)
        {
            throw new TimeoutException($"Sign-in did not leave the sign-in page ({page.Url}). It shows: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>
    /// Waits until the dashboard's controls turn live, for tests about that moment itself: while the page connects they
    /// are disabled and greyed.
    /// </summary>
    public static Task ExpectLiveAsync(IPage page) =>
        Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeEnabledAsync();
}
