using Microsoft.Playwright;
using MudBlazor.Utilities;
using PaymentLinks.Dashboard.Components.Layout;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class AccountTests(AppFixture app)
{
    [Fact]
    public async Task Registering_signs_the_merchant_in_to_an_empty_dashboard_that_offers_a_first_link()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("account/register");
        await page.GetByLabel("Business name").FillAsync("Fresh Start Florals");
        await page.GetByLabel("Email").FillAsync($"{Guid.NewGuid():N}@register.test");
        await page.GetByLabel("Password").FillAsync("long-enough-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create your first link" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Registering_with_a_short_password_says_so_by_the_field()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("account/register");
        await page.GetByLabel("Business name").FillAsync("Short Password Shop");
        await page.GetByLabel("Email").FillAsync($"{Guid.NewGuid():N}@register.test");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator(".field:has(#password)")).ToContainTextAsync("at least 8 characters");
        Assert.Contains("/account/register", page.Url);
    }

    [Fact]
    public async Task A_business_name_with_a_text_direction_override_is_refused_by_the_field()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("account/register");
        await page.GetByLabel("Business name").FillAsync("Honest Shop\u202E");
        await page.GetByLabel("Email").FillAsync($"{Guid.NewGuid():N}@register.test");
        await page.GetByLabel("Password").FillAsync("long-enough-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator(".field:has(#business)")).ToContainTextAsync("Business name must not contain text-direction control characters.");
        Assert.Contains("/account/register", page.Url);
    }

    [Fact]
    public async Task Business_name_and_time_zone_are_saved_and_dates_show_in_that_zone()
    {
        var session = await DashboardSession.StartAsync(app, "Zoned Zines");
        var link = await session.CreateLinkAsync("Issue 12", expiresAt: new DateTimeOffset(2030, 1, 15, 12, 0, 0, TimeSpan.Zero));
        await session.OpenAsync("settings/account");
        var page = session.Page;

        await page.GetByLabel("Business name").FillAsync("Zoned Zines & Co");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Tokyo");
        await page.GetByText("Asia/Tokyo (UTC+09:00)").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(session.Snackbar).ToContainTextAsync("Account saved");

        await session.OpenAsync($"links/{link.Id}");
        await Expect(page.Locator(".facts")).ToContainTextAsync("15 Jan 2030, 21:00 Asia/Tokyo");
        var profile = await app.Profiles.GetAsync(session.Merchant.MerchantId);
        Assert.Equal(("Zoned Zines & Co", "Asia/Tokyo"), (profile!.BusinessName, profile.TimeZoneId));
    }

    [Fact]
    public async Task An_empty_business_name_is_refused_by_the_field()
    {
        var session = await DashboardSession.StartAsync(app, "Named Nuts");
        await session.OpenAsync("settings/account");

        await session.Page.GetByLabel("Business name").FillAsync(" ");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(session.Page.Locator(".field:has(#business-name)")).ToContainTextAsync("Business name is required.");
        Assert.Equal("Named Nuts", (await app.Profiles.GetAsync(session.Merchant.MerchantId))!.BusinessName);
    }

    [Fact]
    public async Task The_sign_in_page_follows_the_browsers_dark_preference()
    {
        var light = await app.NewPageAsync();
        var response = await light.GotoAsync("account/login");
        Assert.Equal("Sec-CH-Prefers-Color-Scheme", await response!.HeaderValueAsync("critical-ch"));

        // A browser on a dark system. (Playwright's emulated scheme alone misses the very first request's hint,
        // and without it, Playwright's default emulation reports light on later ones.)
        await using var darkSystemBrowser = await app.LaunchChromiumAsync("--force-dark-mode");
        var dark = await darkSystemBrowser.NewPageAsync(new() { BaseURL = app.BaseUrl, ColorScheme = ColorScheme.Dark });
        await dark.GotoAsync("account/login");

        Assert.Equal(Rgb(DashboardTheme.Theme.PaletteLight.Background), await BackgroundOfAsync(light));
        Assert.Equal(Rgb(DashboardTheme.Theme.PaletteDark.Background), await BackgroundOfAsync(dark));
        await dark.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(dark.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        Assert.Equal(Rgb(DashboardTheme.Theme.PaletteDark.Background), await BackgroundOfAsync(dark));
        await Axe.AssertNoSeriousViolationsAsync(dark);
    }

    private static Task<string> BackgroundOfAsync(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static string Rgb(MudColor color) => $"rgb({color.R}, {color.G}, {color.B})";

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var session = await DashboardSession.StartAsync(app, "Leaving Lamps");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await session.Page.GotoAsync("");
        Assert.Contains("/account/login", session.Page.Url);
    }

    [Fact]
    public async Task Another_merchant_opening_a_links_detail_url_sees_not_found()
    {
        var owner = await DashboardSession.StartAsync(app, "Owner Optics");
        var link = await owner.CreateLinkAsync("Reading glasses");
        var intruder = await DashboardSession.StartAsync(app, "Intruder Inks");

        await intruder.OpenAsync($"links/{link.Id}");
        await Expect(intruder.Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Expect(intruder.Page.GetByText("Reading glasses")).ToHaveCountAsync(0);

        await intruder.OpenAsync($"links/{link.Id}/edit");
        await Expect(intruder.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not yours");
        await Expect(intruder.Page.GetByLabel("Title")).ToHaveCountAsync(0);
    }
}
