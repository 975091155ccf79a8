using Microsoft.Playwright;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Links;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>
/// A merchant chooses Arabic for their dashboard: the pages come back right to left in Arabic, MudBlazor's grid and
/// pager included, on a desktop and a phone, light and dark, without a serious accessibility violation; what the
/// domain refuses is said in Arabic too.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DashboardLanguageTests(AppFixture app)
{
    [Fact]
    public async Task A_merchant_who_chooses_Arabic_reads_the_links_list_right_to_left_with_its_paging_in_Arabic()
    {
        var session = await DashboardSession.StartAsync(app, "Dates of Dubai");
        for (var i = 1; i <= 21; i++) // one more than a page
            await app.Links.CreateAsync(session.Merchant, new LinkSettings { Title = $"Date box {i:00}", Amount = 45m, Currency = "AED" }, publish: true);
        var page = session.Page;
        await session.OpenAsync("settings/account");

        await page.GetByLabel("Dashboard language").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "العربية" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = Words<LanguageChoiceText>.In("ar", "Heading") })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = Words<LayoutText>.In("ar", "MainLayout.Nav.Links") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Words<LinksText>.In("ar", "LinksPage.Title"), Level = 1 })).ToBeVisibleAsync();
        var pager = page.Locator(".mud-table-pagination-caption");
        await Expect(pager).ToHaveTextAsync(Words<MudBlazorText>.In("ar", "MudDataGridPager_InfoFormat", 1, 20, 21));
        await ExpectRightToLeftColumnsAsync(page);
        await SidewaysScroll.ExpectNoneAsync(page);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = Words<MudBlazorText>.In("ar", "MudDataGridPager_NextPage") }).ClickAsync();
        await Expect(pager).ToHaveTextAsync(Words<MudBlazorText>.In("ar", "MudDataGridPager_InfoFormat", 21, 21, 21));

        await page.GetByRole(AriaRole.Button, new() { Name = Words<LayoutText>.In("ar", "MainLayout.SwitchToDarkTheme") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Words<LayoutText>.In("ar", "MainLayout.SwitchToLightTheme") })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = Words<LinksText>.In("ar", "LinksPage.NewLink") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Words<LinksText>.In("ar", "LinkForm.CreateAndPublish") }).ClickAsync();
        var titleRequired = Words<ProblemsText>.In("ar", "Problem.required", Words<ProblemsText>.In("ar", "Setting.Title"));
        await Expect(session.Field("title")).ToContainTextAsync(titleRequired);
    }

    /// <summary>The grid's first column (the title) stands at the right, the ones after it to its left.</summary>
    private static async Task ExpectRightToLeftColumnsAsync(IPage page)
    {
        var title = await page.GetByRole(AriaRole.Columnheader, new() { Name = Words<LinksText>.In("ar", "LinksPage.Column.Title") }).BoundingBoxAsync();
        var amount = await page.GetByRole(AriaRole.Columnheader, new() { Name = Words<LinksText>.In("ar", "LinksPage.Column.Amount") }).BoundingBoxAsync();
        Assert.True(title!.X > amount!.X, $"the title column is at {title.X} px, left of the amount's at {amount.X} px");
    }
}
