using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Mail;

/// <summary>Notifications for a merchant's users: who gets them, one-click unsubscribe, the digest, the hourly cap, the watch.</summary>
public sealed class MailNotificationTests : IAsyncLifetime
{
    private readonly MailServer _server = MailServer.FromEnvironment();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 10, 0, TimeSpan.Zero));
    private readonly ServiceHarness _harness;
    private MailShop _shop = default!;

    public MailNotificationTests() => _harness = new ServiceHarness(_clock, settings: new Dictionary<string, string?>(_server.Settings)
    {
        ["Email:NotificationsPerMerchantPerHour"] = "8",
    });

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _shop = await MailShop.OpenAsync(_harness);
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_new_payment_mails_each_user_who_wants_it_with_a_one_click_unsubscribe_that_works()
    {
        var colleague = await MailShop.AddUserAsync(_harness, _shop.Merchant, MailServer.NewAddress("colleague"));
        var quiet = await MailShop.AddUserAsync(_harness, _shop.Merchant, MailServer.NewAddress("quiet"));
        await SetAsync(quiet.Id, u => u.MailsNewPayments = false);
        var link = await _shop.LinkAsync("Mango crate");

        await _shop.PayAsync(link, MailServer.NewAddress());
        await _shop.DeliverAsync();

        var notice = Assert.Single(await _server.WaitForAsync(_shop.OwnerEmail));
        Assert.Equal("New payment: 49.90 EUR for Mango crate", notice.Subject);
        Assert.Single(await _server.WaitForAsync(colleague.Email!));
        Assert.Equal("List-Unsubscribe=One-Click", notice.Headers[HeaderId.ListUnsubscribePost]);
        var unsubscribe = notice.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        Assert.Contains(unsubscribe, notice.HtmlBody);

        var token = unsubscribe[(unsubscribe.LastIndexOf('/') + 1)..];
        Assert.True(await Unsubscribe.ApplyAsync(token));
        Assert.False(await Unsubscribe.ApplyAsync(token[..^2] + "xx"));
        await _shop.PayAsync(link, MailServer.NewAddress());
        await _shop.DeliverAsync();

        Assert.Equal(2, (await _server.WaitForAsync(colleague.Email!, count: 2)).Count);
        Assert.Single(await _server.ReceivedByAsync(_shop.OwnerEmail));
        Assert.Empty(await _server.ReceivedByAsync(quiet.Email!));
    }

    [Fact]
    public async Task After_three_payment_mails_in_an_hour_the_rest_of_the_hour_comes_as_one_digest_when_it_ends()
    {
        var link = await _shop.LinkAsync("Mango crate");
        for (var i = 0; i < 5; i++)
            await _shop.PayAsync(link, MailServer.NewAddress());

        await _shop.DeliverAsync();
        Assert.Equal(3, (await _server.WaitForAsync(_shop.OwnerEmail, count: 3)).Count);

        _clock.Advance(TimeSpan.FromMinutes(50)); // 10:00, the hour's end
        await _shop.DeliverAsync();

        var digest = (await _server.WaitForAsync(_shop.OwnerEmail, count: 4))[3];
        Assert.Equal("2 more payments, 7 Dec 2026, 09:00 (UTC) to 7 Dec 2026, 10:00 (UTC)", digest.Subject);
        Assert.Contains("In all: 99.80 EUR", digest.TextBody);
        Assert.NotNull(digest.Headers[HeaderId.ListUnsubscribe]);
    }

    [Fact]
    public async Task A_merchants_users_get_at_most_the_hourly_cap_of_notifications_and_the_rest_are_logged_as_skipped()
    {
        var colleague = await MailShop.AddUserAsync(_harness, _shop.Merchant, MailServer.NewAddress("colleague"));
        for (var i = 0; i < 6; i++)
        {
            await _shop.PayAsync(await _shop.LinkAsync($"One-off {i}", maxUsages: 1), MailServer.NewAddress());
            _clock.Advance(TimeSpan.FromSeconds(1)); // payments in the order made: the first two fill the cap, before any digest
        }

        await _shop.DeliverAsync();

        await using var db = _harness.NewContext();
        var notifications = await db.OutgoingMail.Where(m => m.UserId != null).ToListAsync();
        Assert.Equal(8, notifications.Count(m => m.Status == MailStatus.Sent));
        Assert.Contains(notifications, m => m.Status == MailStatus.Skipped && m.LastAnswer!.StartsWith("Over the limit of 8"));
        Assert.Contains(notifications, m => m.Kind == MailKind.LinkUsedUp && m.Status == MailStatus.Sent);
        Assert.Equal(8, (await _server.ReceivedByAsync(_shop.OwnerEmail)).Count + (await _server.ReceivedByAsync(colleague.Email!)).Count);
    }

    [Fact]
    public async Task The_watch_warns_once_of_a_link_expiring_within_three_days_and_once_of_an_endpoint_failing_for_an_hour()
    {
        var watch = ActivatorUtilities.CreateInstance<MailWatch>(_harness.Services);
        var expiring = (await _harness.Links.CreateAsync(_shop.Merchant, ServiceHarness.Settings(expiresAt: _clock.GetUtcNow().AddDays(5), title: "Harvest box"), publish: true)).Value;
        await _harness.Links.CreateAsync(_shop.Merchant, ServiceHarness.Settings(expiresAt: _clock.GetUtcNow().AddDays(1), title: "Made to be short"), publish: true);
        Assert.Equal(0, await watch.LookAsync());

        _clock.Advance(TimeSpan.FromDays(2.5));
        Assert.Equal(1, await watch.LookAsync());
        Assert.Equal(0, await watch.LookAsync());
        await _shop.DeliverAsync();

        var warning = Assert.Single(await _server.WaitForAsync(_shop.OwnerEmail));
        Assert.Equal("Harvest box expires 12 Dec 2026, 09:10 (UTC)", warning.Subject);
        Assert.Contains($"links/{expiring.Id}", warning.TextBody);

        await FailingDeliveryAsync("https://hooks.example.com/orders");
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await watch.LookAsync());
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await watch.LookAsync());
        Assert.Equal(0, await watch.LookAsync());
        await _shop.DeliverAsync();

        var failing = (await _server.WaitForAsync(_shop.OwnerEmail, count: 2))[1];
        Assert.Equal("Webhook endpoint failing: https://hooks.example.com/orders", failing.Subject);
        Assert.Contains("Last answer: HTTP 503", failing.TextBody);
    }

    /// <summary>An endpoint whose first delivery has just failed, as the dispatcher records it.</summary>
    private async Task FailingDeliveryAsync(string url)
    {
        var now = _clock.GetUtcNow();
        await using var db = _harness.NewContext();
        var endpoint = new WebhookEndpoint(Guid.NewGuid(), _shop.Merchant.MerchantId, false, url, "whsec_test", now);
        var outboxEvent = WebhookOutbox.New(_shop.Merchant.MerchantId, false, WebhookEventNames.LinkPublished, new { }, now);
        db.WebhookEndpoints.Add(endpoint);
        db.WebhookEvents.Add(outboxEvent);
        await db.SaveChangesAsync();
        var delivery = new WebhookDelivery(Guid.NewGuid(), outboxEvent.Id, endpoint.Id, _shop.Merchant.MerchantId, now);
        delivery.AttemptFailed(503, "HTTP 503", now, now.AddMinutes(1));
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
    }

    private MailUnsubscribe Unsubscribe => _harness.Services.GetRequiredService<MailUnsubscribe>();

    private async Task SetAsync(string userId, Action<Identity.ApplicationUser> change)
    {
        await using var db = _harness.NewContext();
        change(await db.Users.SingleAsync(u => u.Id == userId));
        await db.SaveChangesAsync();
    }
}
