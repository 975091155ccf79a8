using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Payments;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class LinksListTests(AppFixture app)
{
    [Fact]
    public async Task Paging_goes_past_the_first_page_of_sixty_links_on_the_server()
    {
        var session = await DashboardSession.StartAsync(app, "Paging Pottery");
        for (var i = 1; i <= 60; i++)
            await session.CreateLinkAsync($"Bowl {i:00}");
        await session.OpenAsync("links");
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bowl 60" })).ToBeVisibleAsync();
        await session.MarkDocumentAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByText("21-40 of 60")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

        await Expect(session.Row("Bowl 01")).ToBeVisibleAsync();
        await Expect(session.Row("Bowl 60")).ToHaveCountAsync(0);
        await Expect(session.LinkRows).ToHaveCountAsync(20);
        await Expect(page.GetByText("41-60 of 60")).ToBeVisibleAsync();
        await session.AssertSameDocumentAsync();
        StringAssert(page.Url, "page=3");

        // The page is in the address: reload shows it again, Back returns to page 2.
        await page.ReloadAsync();
        await Expect(session.Row("Bowl 01")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Expect(session.Row("Bowl 40")).ToBeVisibleAsync();
        await Expect(session.Row("Bowl 01")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Status_filter_and_search_narrow_the_list()
    {
        var session = await DashboardSession.StartAsync(app, "Filter Florist");
        await session.CreateLinkAsync("Tulip bouquet");
        await session.CreateLinkAsync("Rose bouquet", publish: false);
        var orchid = await session.CreateLinkAsync("Orchid pot");
        await session.OpenAsync("links");
        var page = session.Page;

        await session.StatusFilter("ACTIVE", shown: true).ClickAsync();
        await Expect(session.StatusFilter("ACTIVE", shown: false)).ToBeVisibleAsync();
        await Expect(session.Row("Rose bouquet")).ToBeVisibleAsync();
        await Expect(session.Row("Tulip bouquet")).ToHaveCountAsync(0);

        await session.StatusFilter("ACTIVE", shown: false).ClickAsync();
        await Expect(session.StatusFilter("ACTIVE", shown: true)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Searchbox).FillAsync("bouquet");
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await Expect(session.LinkRows).ToHaveCountAsync(2);
        await Expect(session.Row("Orchid pot")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Searchbox).FillAsync(orchid.PublicId);
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await Expect(session.LinkRows).ToHaveCountAsync(1);
        await Expect(session.Row("Orchid pot")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Bulk_disable_reports_each_row_and_a_draft_is_refused_with_its_reason()
    {
        var session = await DashboardSession.StartAsync(app, "Bulk Bikes");
        await session.CreateLinkAsync("Road bike rental");
        await session.CreateLinkAsync("Gravel bike rental");
        await session.CreateLinkAsync("Tandem rental (draft)", publish: false);
        await session.OpenAsync("links");
        var page = session.Page;

        foreach (var title in new[] { "Road bike rental", "Gravel bike rental", "Tandem rental (draft)" })
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {title}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable selected" }).ClickAsync();

        var outcomes = page.GetByTestId("bulk-outcome");
        await Expect(outcomes).ToHaveCountAsync(3);
        await Expect(outcomes.Filter(new() { HasText = "Tandem rental (draft)" })).ToContainTextAsync("refused");
        await Expect(outcomes.Filter(new() { HasText = "Road bike rental" })).ToContainTextAsync("disabled");
        await session.ExpectBadgeAsync("DISABLED", session.Row("Road bike rental"));
        await session.ExpectBadgeAsync("DRAFT", session.Row("Tandem rental (draft)"));
        var statuses = (await app.Links.ListAsync(session.Merchant, new())).Items.Select(l => l.Status).Order();
        Assert.Equal([LinkStatus.Draft, LinkStatus.Disabled, LinkStatus.Disabled], statuses);
    }

    [Fact]
    public async Task Select_all_offers_only_the_actions_that_apply_and_a_filter_change_clears_the_selection()
    {
        var session = await DashboardSession.StartAsync(app, "Select All Sails");
        await session.CreateLinkAsync("Dinghy hire");
        await session.CreateLinkAsync("Kayak hire");
        await session.CreateLinkAsync("Yacht charter (draft)", publish: false);
        await session.OpenAsync("links");
        var page = session.Page;
        var bar = page.GetByRole(AriaRole.Region, new() { Name = "Bulk actions" });

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "All links on this page" }).ClickAsync();

        await Expect(bar).ToContainTextAsync("3 selected");
        await Expect(bar.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Disable selected", "Archive selected", "Clear selection"]);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Kayak hire" })).ToBeCheckedAsync();

        await session.StatusFilter("DRAFT", shown: true).ClickAsync();

        await Expect(session.Row("Yacht charter (draft)")).ToHaveCountAsync(0);
        await Expect(bar).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Kayak hire" })).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Kayak hire" }).CheckAsync();
        await Expect(bar).ToContainTextAsync("1 selected");
    }

    [Fact]
    public async Task A_completed_payment_updates_badge_and_usage_in_an_open_dashboard_without_reload()
    {
        var session = await DashboardSession.StartAsync(app, "Live Lemonade");
        var link = await session.CreateLinkAsync("Lemonade crate", maxUsages: 2);
        await session.OpenAsync("links");
        var detail = await session.SecondTabAsync();
        await session.OpenAsync($"links/{link.Id}", detail);
        await session.MarkDocumentAsync();
        await session.MarkDocumentAsync(detail);
        var payments = app.Services.GetService(typeof(PaymentService)) as PaymentService;

        await PayAsync(payments!, link.PublicId);
        await Expect(session.Row("Lemonade crate").GetByTestId("usage")).ToHaveTextAsync("1 / 2");
        await Expect(detail.GetByTestId("funnel-completed")).ToHaveTextAsync("1");

        await PayAsync(payments!, link.PublicId);
        await session.ExpectBadgeAsync("USED", session.Row("Lemonade crate"));
        await Expect(session.Row("Lemonade crate").GetByTestId("usage")).ToHaveTextAsync("2 / 2");
        await session.ExpectBadgeAsync("USED", detail.Locator("main"));
        await session.AssertSameDocumentAsync();
        await session.AssertSameDocumentAsync(detail);
    }

    [Fact]
    public async Task An_open_row_menu_stays_open_while_customers_pay_and_the_usages_change_live()
    {
        var session = await DashboardSession.StartAsync(app, "Open Menu Market");
        var other = await session.CreateLinkAsync("Honey jar", maxUsages: 5);
        var underMenu = await session.CreateLinkAsync("Beeswax candle", maxUsages: 5);
        await session.OpenAsync("links");
        await session.OpenRowMenuAsync("Beeswax candle");
        var disable = session.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Disable", Exact = true });
        var payments = (PaymentService)app.Services.GetService(typeof(PaymentService))!;

        await PayAsync(payments, other.PublicId);
        await Expect(session.Row("Honey jar").GetByTestId("usage")).ToHaveTextAsync("1 / 5");
        await Expect(disable).ToBeVisibleAsync();
        await PayAsync(payments, underMenu.PublicId);
        await Expect(session.Row("Beeswax candle").GetByTestId("usage")).ToHaveTextAsync("1 / 5");
        await Expect(disable).ToBeVisibleAsync();

        await disable.ClickAsync();
        await session.ExpectBadgeAsync("DISABLED", session.Row("Beeswax candle"));
    }

    [Fact]
    public async Task On_a_slow_server_the_first_click_on_publish_publishes()
    {
        var session = await DashboardSession.StartAsync(app, "Slow Start Studio");
        var draft = await session.CreateLinkAsync("Pottery class", publish: false);
        // The page's live connection is answered late, as by a busy server: the page is on show well before it can act.
        await session.Page.RouteAsync("**/_blazor/negotiate*", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await session.Page.GotoAsync($"links/{draft.Id}");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await session.ExpectBadgeAsync("ACTIVE");
        Assert.Equal(LinkStatus.Active, (await app.Links.GetAsync(session.Merchant, draft.Id)).Value.Status);
    }

    [Fact]
    public async Task A_link_published_in_another_tab_appears_and_changes_live()
    {
        var session = await DashboardSession.StartAsync(app, "Two Tab Toys");
        var link = await session.CreateLinkAsync("Wooden train", publish: false);
        await session.OpenAsync("links");
        await session.MarkDocumentAsync();
        var other = await session.SecondTabAsync();
        await session.OpenAsync($"links/{link.Id}", other);

        await other.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await session.CreateLinkAsync("Spinning top");

        await session.ExpectBadgeAsync("ACTIVE", session.Row("Wooden train"));
        await Expect(session.Row("Spinning top")).ToBeVisibleAsync();
        await session.AssertSameDocumentAsync();
    }

    [Fact]
    public async Task Sorting_by_amount_is_kept_in_the_address_and_survives_a_reload()
    {
        var session = await DashboardSession.StartAsync(app, "Sorted Spices");
        await CreateSpicesAsync(session);
        await session.OpenAsync("links");
        var page = session.Page;

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sort Amount", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Amount" }).GetByText("Amount").ClickAsync();
        await Expect(session.LinkRows.First).ToContainTextAsync("Pepper");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sort Amount, now ascending" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Amount" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.ReloadAsync();

        await Expect(session.LinkRows).ToHaveCountAsync(3);
        await Expect(session.LinkRows.First).ToContainTextAsync("Pepper");
        await Expect(session.LinkRows.Last).ToContainTextAsync("Saffron");
        StringAssert(page.Url, "sort=Amount");

        // Back returns to the newest-first list the sort began from.
        await page.GoBackAsync();
        await Expect(session.LinkRows.First).ToContainTextAsync("Vanilla");
        await Expect(session.LinkRows.Last).ToContainTextAsync("Saffron");
        Assert.DoesNotContain("sort=", page.Url);
    }

    [Fact]
    public async Task On_a_phone_the_sort_menu_orders_the_cards_and_the_address_keeps_it()
    {
        var session = await DashboardSession.StartAsync(app, "Pocket Spices", width: 390);
        await CreateSpicesAsync(session);
        await session.OpenAsync("links");
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Amount" })).Not.ToBeVisibleAsync();

        await page.GetByLabel("Sort by").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Highest amount" }).ClickAsync();

        await Expect(session.LinkRows.First).ToContainTextAsync("Saffron");
        await Expect(session.LinkRows.Last).ToContainTextAsync("Pepper");
        StringAssert(page.Url, "sort=Amount");
        await page.ReloadAsync();
        await Expect(session.LinkRows.First).ToContainTextAsync("Saffron");
        await Expect(page.GetByLabel("Sort by")).ToContainTextAsync("Highest amount");
    }

    private async Task CreateSpicesAsync(DashboardSession session)
    {
        foreach (var (title, amount) in new[] { ("Saffron", 30m), ("Pepper", 4m), ("Vanilla", 12m) })
            await app.Links.CreateAsync(session.Merchant, new LinkSettings { Title = title, Amount = amount, Currency = "EUR", MaxUsages = 10 }, publish: true);
    }

    private static void StringAssert(string url, string part) => Assert.Contains(part, url);

    private static async Task PayAsync(PaymentService payments, string publicId)
    {
        var attempt = (await payments.StartAsync(publicId)).Value;
        await payments.CompleteAsync(attempt.Id);
    }
}
