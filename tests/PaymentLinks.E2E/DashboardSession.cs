using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A merchant signed in to the dashboard in their own browser context: the page object of these tests.</summary>
public sealed class DashboardSession(AppFixture app, IPage page, MerchantCaller merchant, string email)
{
    public IPage Page { get; } = page;
    public MerchantCaller Merchant { get; } = merchant;
    public string Email { get; } = email;

    public static async Task<DashboardSession> StartAsync(AppFixture app, string businessName, int width = 1280)
    {
        var (email, merchant) = await app.NewMerchantAsync(businessName);
        var page = await app.NewPageAsync(width);
        await SignInPage.SignInAsync(page, email, AppFixture.Password);
        return new DashboardSession(app, page, merchant, email);
    }

    /// <summary>The same merchant user signed in from another browser (its own cookies), on the links list.</summary>
    public async Task<IPage> SignInElsewhereAsync(string password = AppFixture.Password)
    {
        var elsewhere = await app.NewPageAsync();
        await SignInPage.SignInAsync(elsewhere, Email, password);
        return elsewhere;
    }

    /// <summary>Another tab of the same merchant (same cookies), for live-update and conflict tests.</summary>
    public async Task<IPage> SecondTabAsync()
    {
        var tab = await Page.Context.NewPageAsync();
        return tab;
    }

    public async Task<LinkView> CreateLinkAsync(string title, bool publish = true, int maxUsages = 100, DateTimeOffset? expiresAt = null)
    {
        var created = await app.Links.CreateAsync(Merchant, new LinkSettings
        {
            Title = title, Amount = 12.50m, Currency = "EUR", MaxUsages = maxUsages, ExpiresAt = expiresAt,
        }, publish);
        return created.Value;
    }

    /// <summary>Opens a dashboard page as a person does, by its address; the first click needs no wait for the page to turn live.</summary>
    public Task OpenAsync(string path, IPage? tab = null) => (tab ?? Page).GotoAsync(path);

    public ILocator Row(string title, IPage? tab = null) =>
        (tab ?? Page).GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    /// <summary>Rows of the links list: each has its "Select …" checkbox.</summary>
    public ILocator LinkRows => Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new("^Select ") }) });

    public Task OpenRowMenuAsync(string title) =>
        OpenMenuAsync(Row(title).GetByRole(AriaRole.Button, new() { Name = $"Actions for {title}" }));

    /// <summary>The link page's menu of the actions beside its primary one.</summary>
    public ILocator MoreActions => Page.GetByRole(AriaRole.Button, new() { Name = "More actions", Exact = true });

    /// <summary>An action from the link page's "More actions" menu.</summary>
    public async Task ChooseMoreActionAsync(string action)
    {
        await OpenMenuAsync(MoreActions);
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = action, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Opens the menu behind <paramref name="opener"/> and waits until its items are shown. A list that reloads just
    /// after a save (a webhook endpoint's events, on a slow database) renders its rows again under the click and closes
    /// the menu that click opened, so a person would click again: so does this, twice at most.
    /// </summary>
    public async Task OpenMenuAsync(ILocator opener)
    {
        var items = Page.GetByRole(AriaRole.Menuitem).First;
        for (var attempt = 1; ; attempt++)
        {
            await opener.ClickAsync();
            try
            {
                await Expect(items).ToBeVisibleAsync(new() { Timeout = attempt < 3 ? 3000 : 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Picks <paramref name="option"/> in the select labelled <paramref name="label"/> and waits until the select shows
    /// it. A pick that a busy circuit drops leaves the select as it was, and a person would pick again: so does this, once.
    /// </summary>
    public async Task ChooseAsync(string label, string option)
    {
        var select = Page.GetByLabel(label);
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await Page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
            try
            {
                await Expect(select).ToHaveTextAsync(option, new() { Timeout = attempt < 2 ? 3000 : 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 2)
            {
            }
        }
    }

    public async Task ClickRowActionAsync(string title, string action)
    {
        await OpenRowMenuAsync(title);
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = action, Exact = true }).ClickAsync();
    }

    /// <summary>A status filter chip: a toggle button, pressed while that status is shown.</summary>
    public ILocator StatusFilter(string status, bool shown) =>
        Page.GetByRole(AriaRole.Button, new() { Name = status, Exact = true, Pressed = shown });

    /// <summary>A form field with its label and the message under it, found by its input id.</summary>
    public ILocator Field(string inputId) => Page.Locator($".field:has(#{inputId})");

    /// <summary>The outcome message a snackbar shows.</summary>
    public ILocator Snackbar => Page.Locator(".mud-snackbar");

    /// <summary>Answers the confirmation dialog and waits until it has gone (it fades out; its buttons linger meanwhile).</summary>
    public async Task ConfirmAsync(string button)
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    public Task ExpectBadgeAsync(string status, ILocator? within = null) =>
        Expect((within ?? Page.Locator("main")).GetByTestId("status-badge").First).ToHaveTextAsync(status);

    /// <summary>Marks the document, so a test can prove later that the page did not reload.</summary>
    public Task MarkDocumentAsync(IPage? tab = null) => (tab ?? Page).EvaluateAsync("() => window.__sameDocument = true");

    public async Task AssertSameDocumentAsync(IPage? tab = null) =>
        Assert.True(await (tab ?? Page).EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
}
