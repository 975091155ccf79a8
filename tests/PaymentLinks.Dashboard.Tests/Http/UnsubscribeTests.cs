using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Infrastructure.Mail;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>The unsubscribe address of notification mail, as a mail client and a link scanner reach it: no cookie, no form token.</summary>
public sealed class UnsubscribeTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_get_only_asks_and_a_one_click_post_turns_that_kind_off_while_a_forged_token_finds_nothing()
    {
        await _app.SignedInMerchantAsync("unsubscriber@mail.test");
        var userId = await UserIdAsync("unsubscriber@mail.test");
        var url = _app.Services.GetRequiredService<MailUnsubscribe>().UrlFor(userId, MailKind.NewPayment);
        var path = new Uri(url).AbsolutePath;
        var client = _app.CreateClient();

        var asked = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Stop getting “New payments” mails?", await asked.Content.ReadAsStringAsync());
        Assert.True(await WantsAsync(userId));

        var done = await client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You will not get “New payments” mails any more.", await done.Content.ReadAsStringAsync());
        Assert.False(await WantsAsync(userId));

        var forged = await client.PostAsync(path[..^4] + "AAAA", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("This unsubscribe link is not valid.", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mail/unsubscribe/%0d%0a")).StatusCode);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = _app.NewContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<bool> WantsAsync(string userId)
    {
        await using var db = _app.NewContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.MailsNewPayments).SingleAsync();
    }
}
