using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>The customer's side, in Chromium: paying, the sandbox bank, receipts, redirects and every error page.</summary>
[Collection(AppCollection.Name)]
public sealed class CheckoutTests(AppFixture app)
{
    [Fact]
    public async Task A_single_use_link_is_paid_once_and_then_shows_the_used_page()
    {
        var (_, merchant) = await app.NewMerchantAsync("Single Shot Studio");
        var link = (await app.Links.CreateAsync(merchant, Settings("Portrait session", maxUsages: 1), publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);

        var opened = await customer.OpenAsync(link.PublicId);
        Assert.Equal(200, opened.Status);
        await Expect(customer.Page.GetByText("Single Shot Studio")).ToBeVisibleAsync();
        await Expect(customer.Page.GetByLabel("Amount to pay")).ToHaveTextAsync("EUR 45.00");
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
        await customer.PayAsync();
        await Expect(customer.Page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Sandbox bank" })).ToContainTextAsync("No real money moves");
        await Expect(customer.Page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Test payment" })).ToHaveTextAsync("Test payment — no money moves");
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");
        var paidAt = (await app.Ledger.ListAsync(merchant, new())).Items.Single().Payment.FinishedAt!.Value.UtcDateTime;
        // In the merchant's time zone (UTC, as registered here), in the words of the browser's language (en-US).
        await Expect(customer.Page.Locator(".summary")).ToContainTextAsync($"Paid{paidAt.ToString("dddd, MMMM d, yyyy h:mm tt", System.Globalization.CultureInfo.GetCultureInfo("en-US"))} (UTC)");
        await Expect(customer.Page.GetByText("Keep this page as your receipt")).ToBeVisibleAsync();
        await customer.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(customer.Page.Locator(".checkout-footer")).ToBeHiddenAsync();
        await customer.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);

        var again = await customer.OpenAsync(link.PublicId);
        Assert.Equal(410, again.Status);
        await customer.ExpectHeadingAsync("No longer accepting payments");
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
        Assert.Equal((LinkStatus.Used, 1), await StoredAsync(link.Id));
    }

    [Fact]
    public async Task Approving_redirects_to_the_merchants_url_with_the_payment_id_and_status()
    {
        var (_, merchant) = await app.NewMerchantAsync("Redirect Rugs");
        var thanks = $"{app.BaseUrl}thanks-page";
        var link = (await app.Links.CreateAsync(merchant, Settings("Kilim rug") with { RedirectUrl = thanks }, publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);

        await customer.OpenAsync(link.PublicId);
        await customer.PayAsync();
        await customer.ApproveAsync();

        await customer.Page.WaitForURLAsync(url => url.StartsWith(thanks));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(customer.Page.Url).Query);
        Assert.Equal("completed", query["status"].ToString());
        Assert.Equal(await CompletedPaymentIdAsync(link.Id), Guid.Parse(query["payment_id"].ToString()));
    }

    [Fact]
    public async Task A_disabled_link_shows_403_with_the_merchants_message_and_paying_works_again_once_enabled()
    {
        var (_, merchant) = await app.NewMerchantAsync("Paused Pastries");
        var link = (await app.Links.CreateAsync(merchant, Settings("Croissant box") with { DisabledMessage = "Back on Monday!" }, publish: true)).Value;
        await app.Links.ApplyAsync(merchant, link.Id, LinkTrigger.Disable);
        var customer = await CustomerCheckout.StartAsync(app);

        var disabled = await customer.OpenAsync(link.PublicId);
        Assert.Equal(403, disabled.Status);
        await customer.ExpectHeadingAsync("Temporarily unavailable");
        await Expect(customer.Page.GetByText("Back on Monday!")).ToBeVisibleAsync();
        await Expect(customer.Page.GetByText("Paused Pastries")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);

        await app.Links.ApplyAsync(merchant, link.Id, LinkTrigger.Enable);
        Assert.Equal(200, (await customer.OpenAsync(link.PublicId)).Status);
        await customer.PayAsync();
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");
        Assert.Equal((LinkStatus.Active, 1), await StoredAsync(link.Id));
    }

    [Fact]
    public async Task After_the_deadline_the_expired_page_shows_and_the_dashboard_says_expired()
    {
        var session = await DashboardSession.StartAsync(app, "Deadline Drinks");
        var link = await session.CreateLinkAsync("Happy hour voucher", expiresAt: app.Clock.GetUtcNow().AddHours(1));
        await session.OpenAsync($"links/{link.Id}");
        await session.ExpectBadgeAsync("ACTIVE");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var customer = await CustomerCheckout.StartAsync(app);

        var expired = await customer.OpenAsync(link.PublicId);

        Assert.Equal(410, expired.Status);
        await customer.ExpectHeadingAsync("This link has expired");
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
        Assert.Equal(LinkStatus.Expired, (await StoredAsync(link.Id)).Status);
        await session.ExpectBadgeAsync("EXPIRED");
    }

    [Fact]
    public async Task An_unknown_id_and_a_draft_show_the_same_404_page()
    {
        var (_, merchant) = await app.NewMerchantAsync("Hidden Drafts");
        var draft = (await app.Links.CreateAsync(merchant, Settings("Secret sale"), publish: false)).Value;
        var customer = await CustomerCheckout.StartAsync(app);

        var onDraft = await customer.OpenAsync(draft.PublicId);
        var draftHtml = await onDraft.TextAsync();
        var onUnknown = await customer.OpenAsync("pl_zzzzzzzzzzzzzzzzzzzz");

        Assert.Equal((404, 404), (onDraft.Status, onUnknown.Status));
        Assert.Equal(await onUnknown.TextAsync(), draftHtml);
        await customer.ExpectHeadingAsync("Payment link not found");
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
    }

    [Fact]
    public async Task An_archived_link_shows_its_own_410_page()
    {
        var (_, merchant) = await app.NewMerchantAsync("Closed Closets");
        var link = (await app.Links.CreateAsync(merchant, Settings("Wardrobe"), publish: true)).Value;
        await app.Links.ApplyAsync(merchant, link.Id, LinkTrigger.Archive);
        var customer = await CustomerCheckout.StartAsync(app);

        Assert.Equal(410, (await customer.OpenAsync(link.PublicId)).Status);
        await customer.ExpectHeadingAsync("This link is no longer available");
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
    }

    [Fact]
    public async Task Declining_at_the_bank_shows_the_failure_page_usage_stays_unchanged_and_try_again_keeps_what_was_typed()
    {
        var (_, merchant) = await app.NewMerchantAsync("Declined Decor");
        var link = (await app.Links.CreateAsync(merchant, Settings("Vase", maxUsages: 3), publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);

        await customer.OpenAsync(link.PublicId);
        await customer.Page.GetByLabel("Email").FillAsync("ada@example.com");
        await customer.PayAsync();
        await customer.DeclineAsync();

        await customer.ExpectHeadingAsync("Payment declined");
        await Expect(customer.Page.GetByText("No money was taken")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(customer.Page);
        Assert.Equal((LinkStatus.Active, 0), await StoredAsync(link.Id));
        await customer.Page.GetByRole(AriaRole.Link, new() { Name = "Try again" }).ClickAsync();
        await Expect(customer.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Pay ") })).ToBeVisibleAsync();
        await Expect(customer.Page.GetByLabel("Email")).ToHaveValueAsync("ada@example.com");
    }

    [Fact]
    public async Task Approving_after_the_merchant_disabled_the_link_shows_the_disabled_page_and_completes_nothing()
    {
        var (_, merchant) = await app.NewMerchantAsync("Halted Hats");
        var link = (await app.Links.CreateAsync(merchant, Settings("Felt fedora", maxUsages: 3) with { DisabledMessage = "Restocking." }, publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);
        await customer.OpenAsync(link.PublicId);
        await customer.PayAsync();

        await app.Links.ApplyAsync(merchant, link.Id, LinkTrigger.Disable); // while the customer is at the bank step
        await customer.ApproveAsync();

        await customer.ExpectHeadingAsync("Temporarily unavailable");
        await Expect(customer.Page.GetByText("Restocking.")).ToBeVisibleAsync();
        Assert.Equal((LinkStatus.Disabled, 0), await StoredAsync(link.Id));
        var attempt = Assert.Single(await AttemptsAsync(link.Id));
        Assert.NotEqual(PaymentStatus.Completed, attempt.Status);
    }

    [Fact]
    public async Task Refresh_back_and_resubmit_on_every_step_make_exactly_one_payment()
    {
        var (_, merchant) = await app.NewMerchantAsync("Careful Candles");
        var link = (await app.Links.CreateAsync(merchant, Settings("Beeswax candle", maxUsages: 5), publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);
        var page = customer.Page;

        await customer.OpenAsync(link.PublicId);
        await page.ReloadAsync();                 // refresh the pay page
        await customer.PayAsync();
        await page.ReloadAsync();                 // refresh the bank step
        await page.GoBackAsync();                 // back to the pay page it came from
        await customer.PayAsync();                // re-submit Pay: the same payment, not a new one
        Assert.Single(await AttemptsAsync(link.Id));
        var approveForm = page.Locator("form[action$='/approve']");
        var approveUrl = await approveForm.GetAttributeAsync("action");
        var antiforgery = await approveForm.Locator("input[type=hidden]").EvaluateAsync<string[]>("i => [i.name, i.value]");
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");
        await page.ReloadAsync();                 // refresh the receipt
        await customer.ExpectHeadingAsync("Payment received");
        await page.GoBackAsync();                 // back to the bank step of a finished payment
        await customer.ExpectHeadingAsync("Payment received");

        // Re-submit the approval itself, with the very form data the browser sent.
        var form = page.Context.APIRequest.CreateFormData();
        form.Set(antiforgery[0], antiforgery[1]);
        var replay = await page.Context.APIRequest.PostAsync(app.BaseUrl.TrimEnd('/') + approveUrl, new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(303, replay.Status);

        var attempts = await AttemptsAsync(link.Id);
        Assert.Equal(PaymentStatus.Completed, Assert.Single(attempts).Status);
        Assert.Equal((LinkStatus.Active, 1), await StoredAsync(link.Id));
    }

    [Fact]
    public async Task Checkout_pages_load_neither_the_component_library_nor_the_dashboard_script()
    {
        var (_, merchant) = await app.NewMerchantAsync("Light Lanterns");
        var link = (await app.Links.CreateAsync(merchant, Settings("Paper lantern"), publish: true)).Value;
        var customer = await CustomerCheckout.StartAsync(app);
        var requested = new List<string>();
        customer.Page.Request += (_, request) => requested.Add(request.Url);

        await customer.OpenAsync(link.PublicId);
        await customer.PayAsync();
        await customer.ApproveAsync();
        await customer.ExpectHeadingAsync("Payment received");

        Assert.Contains(requested, url => url.EndsWith("/checkout.css"));
        Assert.DoesNotContain(requested, url => url.Contains("MudBlazor", StringComparison.OrdinalIgnoreCase) || url.Contains("_framework"));
        Assert.DoesNotContain(requested, url => url.EndsWith(".js"));
    }

    private static LinkSettings Settings(string title, int maxUsages = 100) => new()
    {
        Title = title, Description = $"{title}, made by hand.", Amount = 45m, Currency = "EUR", MaxUsages = maxUsages,
    };

    private AppDbContext NewContext() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<(LinkStatus Status, int Usages)> StoredAsync(Guid linkId)
    {
        await using var db = NewContext();
        var link = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == linkId);
        return (link.Status, link.Usages);
    }

    private async Task<List<PaymentAttempt>> AttemptsAsync(Guid linkId)
    {
        await using var db = NewContext();
        return await db.PaymentAttempts.AsNoTracking().Where(a => a.LinkId == linkId).ToListAsync();
    }

    private async Task<Guid> CompletedPaymentIdAsync(Guid linkId)
    {
        await using var db = NewContext();
        return (await db.PaymentAttempts.SingleAsync(a => a.LinkId == linkId && a.Status == PaymentStatus.Completed)).Id;
    }
}
