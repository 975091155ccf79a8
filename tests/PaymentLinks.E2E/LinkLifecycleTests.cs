using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>Every lifecycle action, clicked as a merchant would, with the badge and the stored state checked.</summary>
[Collection(AppCollection.Name)]
public sealed class LinkLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task A_merchant_creates_a_draft_then_publishes_disables_and_enables_it()
    {
        var session = await DashboardSession.StartAsync(app, "Lifecycle Books");
        var page = session.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "New link" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Signed first edition");
        await page.GetByLabel("Amount").FillAsync("89.90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed first edition" })).ToBeVisibleAsync();
        await session.ExpectBadgeAsync("DRAFT");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await session.ExpectBadgeAsync("ACTIVE");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-button-filled-primary"));
        await session.ChooseMoreActionAsync("Disable");
        await session.ExpectBadgeAsync("DISABLED");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await session.ExpectBadgeAsync("ACTIVE");

        var stored = (await app.Links.ListAsync(session.Merchant, new())).Items.Single();
        Assert.Equal((LinkStatus.Active, 89.90m), (stored.Status, stored.Amount));
        var history = await StoredHistory.OfAsync(app.Services, stored.Id);
        Assert.Equal(3, history.Count);
        var timeline = page.GetByRole(AriaRole.Region, new() { Name = "Status history" }).GetByRole(AriaRole.Listitem);
        await Expect(timeline).ToHaveCountAsync(3);
        await Expect(timeline.First).ToContainTextAsync(session.Email);
    }

    [Fact]
    public async Task Archive_asks_for_confirmation_and_cancel_changes_nothing()
    {
        var session = await DashboardSession.StartAsync(app, "Archive Antiques");
        var link = await session.CreateLinkAsync("Oak cabinet");
        await session.OpenAsync($"links/{link.Id}");

        await session.ChooseMoreActionAsync("Archive");
        await session.ConfirmAsync("Cancel");
        await session.ExpectBadgeAsync("ACTIVE");

        await session.ChooseMoreActionAsync("Archive");
        await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("permanent");
        await session.ConfirmAsync("Archive");
        await session.ExpectBadgeAsync("ARCHIVED");
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToHaveCountAsync(0);
        await Expect(session.MoreActions).ToHaveCountAsync(0);
        Assert.Equal(LinkStatus.Archived, (await app.Links.GetAsync(session.Merchant, link.PublicId)).Value.Status);
    }

    [Fact]
    public async Task Expire_now_from_the_list_confirms_and_leaves_only_duplicate()
    {
        var session = await DashboardSession.StartAsync(app, "Expiring Events");
        await session.CreateLinkAsync("Early bird ticket");
        await session.OpenAsync("links");
        await session.MarkDocumentAsync();

        await session.ClickRowActionAsync("Early bird ticket", "Expire now");
        await session.ConfirmAsync("Expire now");

        await session.ExpectBadgeAsync("EXPIRED", session.Row("Early bird ticket"));
        await session.OpenRowMenuAsync("Early bird ticket");
        await Expect(session.Page.GetByRole(AriaRole.Menuitem)).ToHaveTextAsync(["Duplicate"]);
        await session.AssertSameDocumentAsync();
    }

    [Fact]
    public async Task The_detail_page_copies_the_link_url_and_shows_its_qr_code()
    {
        var session = await DashboardSession.StartAsync(app, "Copy Corner");
        var link = await session.CreateLinkAsync("Gift wrap");
        await session.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await session.OpenAsync($"links/{link.Id}");
        var page = session.Page;

        await Expect(page.GetByLabel("Link URL")).ToHaveValueAsync($"http://localhost:5080/pay/{link.PublicId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.Equal($"http://localhost:5080/pay/{link.PublicId}", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        var qrWidth = await page.GetByAltText($"QR code for http://localhost:5080/pay/{link.PublicId}").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.True(qrWidth > 100, $"QR image is {qrWidth} px wide");
    }

    [Fact]
    public async Task The_qr_code_enlarges_and_downloads_as_png_and_svg_and_a_draft_offers_no_url_to_share()
    {
        var session = await DashboardSession.StartAsync(app, "Counter Cards");
        var link = await session.CreateLinkAsync("Table service");
        var draft = await session.CreateLinkAsync("Next season", publish: false);
        await session.OpenAsync($"links/{link.Id}");
        var page = session.Page;
        var qr = page.GetByAltText($"QR code for http://localhost:5080/pay/{link.PublicId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enlarge" }).ClickAsync();
        await Expect(qr).ToHaveAttributeAsync("width", "320");
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download QR code as PNG" }).ClickAsync());
        var svg = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download QR code as SVG" }).ClickAsync());

        Assert.Equal(($"qr-{link.PublicId}.png", $"qr-{link.PublicId}.svg"), (png.SuggestedFilename, svg.SuggestedFilename));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(await png.PathAsync()).Take(4));
        Assert.Contains("<svg", File.ReadAllText(await svg.PathAsync()));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open pay page" })).ToHaveAttributeAsync("href", $"http://localhost:5080/pay/{link.PublicId}");

        await session.OpenAsync($"links/{draft.Id}");
        await Expect(page.GetByText("Customers cannot open a draft")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Link URL")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "QR code" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Duplicate_opens_a_new_draft_with_the_same_configuration()
    {
        var session = await DashboardSession.StartAsync(app, "Duplicating Deli");
        var link = await session.CreateLinkAsync("Cheese board", maxUsages: 7);
        await app.Links.ApplyAsync(session.Merchant, link.Id, LinkTrigger.ExpireNow);
        await session.OpenAsync($"links/{link.Id}");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Duplicate" }).ClickAsync();

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Edit payment link" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByLabel("Title")).ToHaveValueAsync("Copy of Cheese board");
        await Expect(session.Page.GetByText("Draft copied from “Cheese board”.")).ToBeVisibleAsync();
        await Expect(session.Page.GetByLabel("Max usages")).ToHaveValueAsync("7");
        var all = await app.Links.ListAsync(session.Merchant, new() { Statuses = Enum.GetValues<LinkStatus>() });
        Assert.Equal(["DRAFT", "EXPIRED"], all.Items.Select(l => l.Status.ToDisplayName()));
    }

    [Fact]
    public async Task An_expired_link_says_when_it_expired_in_the_list_and_on_its_page()
    {
        var session = await DashboardSession.StartAsync(app, "Ended Early Events");
        var link = await session.CreateLinkAsync("Gala dinner");
        await app.Links.ApplyAsync(session.Merchant, link.Id, LinkTrigger.ExpireNow);
        var ended = (await app.Links.GetAsync(session.Merchant, link.PublicId)).Value.StatusChangedAt;
        var shown = $"Expired {ended.UtcDateTime:d MMM, HH:mm}";

        await session.OpenAsync($"links/{link.Id}");
        await Expect(session.Page.Locator(".facts")).ToContainTextAsync(shown);
        await Expect(session.Page.Locator(".facts")).Not.ToContainTextAsync("never");
        await session.OpenAsync("links?status=EXPIRED");

        await Expect(session.Row("Gala dinner")).ToContainTextAsync(shown);
    }

    [Fact]
    public async Task A_refused_enable_after_expiry_says_why_and_the_badge_shows_expired()
    {
        var session = await DashboardSession.StartAsync(app, "Deadline Diner");
        var link = await session.CreateLinkAsync("Lunch voucher", expiresAt: app.Clock.GetUtcNow().AddHours(1));
        await app.Links.ApplyAsync(session.Merchant, link.Id, LinkTrigger.Disable);
        await session.OpenAsync($"links/{link.Id}");
        await session.ExpectBadgeAsync("DISABLED");
        var enable = session.Page.GetByRole(AriaRole.Button, new() { Name = "Enable" });
        await Expect(enable).ToBeEnabledAsync(); // the page was ready before its link's deadline passed
        app.Clock.Advance(TimeSpan.FromHours(1));

        await enable.ClickAsync();

        await Expect(session.Snackbar).ToContainTextAsync("terminal");
        await session.ExpectBadgeAsync("EXPIRED");
    }
}
