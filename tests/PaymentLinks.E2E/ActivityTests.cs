using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>The Activity page's filters, in its address, and its export of what they show.</summary>
[Collection(AppCollection.Name)]
public sealed class ActivityTests(AppFixture app)
{
    [Fact]
    public async Task An_owner_narrows_the_log_to_one_link_then_to_today_and_downloads_what_it_shows()
    {
        var owner = await DashboardSession.StartAsync(app, "Logged Lemons");
        var curd = await owner.CreateLinkAsync("Lemon curd", publish: false);
        await owner.CreateLinkAsync("Lemon tart", publish: false);
        await app.Links.ApplyAsync(owner.Merchant, curd.Id, LinkTrigger.Publish);
        await WriteEntryOfLastMonthAsync(owner, "Created “Lemon sorbet” as DRAFT.");
        var page = owner.Page;
        var activity = page.GetByLabel("Activity", new() { Exact = true });

        await owner.OpenAsync($"links/{curd.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "All activity on this link" }).ClickAsync();
        await Expect(page.GetByText("Link: Lemon curd")).ToBeVisibleAsync();
        await Expect(activity.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // the header, created and published
        await Expect(activity).ToContainTextAsync("Published “Lemon curd” (DRAFT → ACTIVE).");

        await page.GetByLabel("Only link Lemon curd").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(activity).ToContainTextAsync("Lemon sorbet");
        await Expect(activity).ToContainTextAsync("Created “Lemon tart” as DRAFT.");

        var today = app.Clock.GetUtcNow();
        await page.GetByLabel("Start date").ClickAsync();
        // The calendar shows this month first; the range is picked in it, from today to today.
        var todayInCalendar = page.Locator(".mud-picker-calendar-container").GetByRole(AriaRole.Button, new() { Name = today.Day.ToString(), Exact = true }).First;
        await todayInCalendar.ClickAsync();
        await todayInCalendar.ClickAsync();
        var day = today.ToString("yyyy-MM-dd");
        await Expect(page).ToHaveURLAsync(new Regex($"from={day}&to={day}"));
        // The page has taken the new address once its export does; until then the table on screen may be the last one.
        var export = page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" });
        await Expect(export).ToHaveAttributeAsync("href", new Regex($"from={day}&to={day}"));
        await Expect(activity).ToContainTextAsync("Created “Lemon tart” as DRAFT.");
        await Expect(activity).Not.ToContainTextAsync("Lemon sorbet");

        var download = await page.RunAndWaitForDownloadAsync(() => export.ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("Created “Lemon tart” as DRAFT.", csv);
        Assert.Contains("Published “Lemon curd” (DRAFT → ACTIVE).", csv);
        Assert.DoesNotContain("Lemon sorbet", csv);
    }

    /// <summary>An entry a month old, as the log writes it: the shared clock of the browser tests is not moved for one test.</summary>
    private async Task WriteEntryOfLastMonthAsync(DashboardSession owner, string summary)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.AuditEntries.Add(new AuditEntry(owner.Merchant.MerchantId, false, app.Clock.GetUtcNow().AddDays(-30), owner.Merchant.Actor, owner.Email,
            "203.0.113.9", AuditKinds.LinkCreated, Guid.NewGuid().ToString(), summary, null));
        await db.SaveChangesAsync();
    }
}
