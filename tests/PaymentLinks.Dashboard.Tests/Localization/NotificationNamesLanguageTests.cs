using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Infrastructure.Mail;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>The notifications' names in the reader's language, on the account settings page and the unsubscribe page, over HTTP.</summary>
public sealed class NotificationNamesLanguageTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_notification_switches_are_named_in_the_pages_language()
    {
        await _app.SignedInMerchantAsync("switches@notification-language.test");
        var browser = new CookieJarBrowser(_app, "ar");
        await browser.SignInAsync("switches@notification-language.test", "signed-in-pass-1");

        var page = LocalizedPage.Parse(await (await browser.SendAsync(HttpMethod.Get, "/settings/account")).Content.ReadAsStringAsync());

        var switches = page.Document.QuerySelectorAll("[role=region] .mud-switch").Select(s => s.TextContent.Trim());
        Assert.Equal(["المدفوعات الجديدة", "رابط استُنفدت مرات استخدامه", "رابط تنتهي صلاحيته خلال 3 أيام", "نقطة نهاية لخطافات الويب تتعطل لمدة ساعة"], switches);
    }

    [Fact]
    public async Task The_unsubscribe_page_names_the_notification_in_the_browsers_language()
    {
        await _app.SignedInMerchantAsync("unsubscriber@notification-language.test");
        await using var db = _app.NewContext();
        var userId = await db.Users.Where(u => u.Email == "unsubscriber@notification-language.test").Select(u => u.Id).SingleAsync();
        var url = _app.Services.GetRequiredService<MailUnsubscribe>().UrlFor(userId, MailKind.LinkExpiring);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");

        var page = LocalizedPage.Parse(await (await client.GetAsync(new Uri(url).AbsolutePath)).Content.ReadAsStringAsync());

        Assert.Contains("Keine E-Mails zu „Ein Link läuft in 3 Tagen ab“ mehr erhalten?", page.Text);
    }
}
