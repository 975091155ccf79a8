using Microsoft.Playwright;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>
/// A logo built to exhaust the server, uploaded as a merchant would, to the app running as its own process: were the
/// sanitizer to overflow its stack, the process would die, and every merchant's checkout with it.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed class HostileLogoTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private AppProcess _app = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _app = await AppProcess.StartAsync(_database);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(AppFixture.ChromiumOptions());
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_svg_of_36000_nested_groups_is_refused_by_the_field_and_the_server_keeps_answering()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _app.BaseAddress.ToString() });
        await page.GotoAsync("account/register");
        await page.GetByLabel("Business name").FillAsync("Nested Nightmares");
        await page.GetByLabel("Email").FillAsync($"{Guid.NewGuid():N}@hostile.test");
        await page.GetByLabel("Password").FillAsync("long-enough-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("settings/account");
        var branding = page.GetByRole(AriaRole.Region, new() { Name = "Checkout branding" });
        var nested = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<g>", 36_000))
            + string.Concat(Enumerable.Repeat("</g>", 36_000)) + "</svg>";
        Assert.InRange(nested.Length, 250_000, 256 * 1024);

        await LogoUpload.ChooseSvgAsync(page, "Upload logo", nested);

        await Expect(branding.GetByRole(AriaRole.Alert)).ToContainTextAsync("nests its elements more than 32 deep");
        using var probe = new HttpClient { BaseAddress = _app.BaseAddress };
        Assert.Equal(200, (int)(await probe.GetAsync("health")).StatusCode);
        await LogoUpload.ChooseSvgAsync(page, "Upload logo", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><circle cx="5" cy="5" r="4"/></g></svg>""");
        await Expect(branding.GetByRole(AriaRole.Img, new() { Name = "Your logo" })).ToBeVisibleAsync();
    }
}
