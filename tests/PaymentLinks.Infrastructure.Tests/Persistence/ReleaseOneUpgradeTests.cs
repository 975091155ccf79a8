using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Infrastructure.Tests.Persistence;

/// <summary>
/// Fixtures/release-1-demo.db was made by the first release (hand-written migrations only, no model snapshot):
/// its app started in Development and seeded the demo merchant on 2026-11-24. Today's migrations must upgrade
/// it in place and every row must read back through today's services.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed class ReleaseOneUpgradeTests : IAsyncLifetime
{
    private static readonly string ReleaseOneDatabase = Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", "release-1-demo.db");

    // The day after the demo was seeded: every deadline the demo set is still ahead.
    private readonly ServiceHarness _harness = new(
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)), startFrom: ReleaseOneDatabase);

    public Task InitializeAsync() => _harness.InitializeAsync(); // migrates the copy

    [Fact]
    public async Task The_first_releases_database_gets_the_tooling_baseline_and_keeps_its_rows()
    {
        await using var db = _harness.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Equal(
            ["20261124000000_Initial", "20261124010000_CheckoutFunnel", "20261124020000_ApiKeysAndIdempotency", "20261124030000_Webhooks", "20261124191738_ToolingBaseline"],
            applied.Take(5));
        Assert.Equal((1, 1, 7, 6, 9), (await db.Merchants.CountAsync(), await db.Users.CountAsync(), await db.PaymentLinks.CountAsync(),
            await db.PaymentAttempts.CountAsync(), await db.LinkStatusChanges.CountAsync()));
        var secret = (await db.Merchants.SingleAsync()).ReturnSecret;
        Assert.Matches("^rsec_[0-9a-f]{32}$", secret); // a merchant from before gets a return secret of its own
        var user = await db.Users.SingleAsync();
        var membership = await db.Memberships.SingleAsync(); // the account from before is its business's Owner
        Assert.Equal((user.MerchantId, user.Id, MemberRole.Owner), (membership.MerchantId, membership.UserId, membership.Role));
        Assert.True(user.EmailConfirmed); // and keeps live mode, which now waits for a confirmed email
    }

    [Fact]
    public async Task Links_payments_and_history_read_back_through_todays_services()
    {
        var caller = await DemoMerchantAsync();

        var links = (await _harness.Links.ListAsync(caller, new LinkQuery { Statuses = Enum.GetValues<LinkStatus>(), Sort = LinkSort.Title, Descending = false })).Items;

        Assert.Equal(
            [("Black Friday flash sale", LinkStatus.Expired, 2), ("Gift card, 50 EUR", LinkStatus.Used, 1), ("Invoice #1042", LinkStatus.Active, 0),
             ("Latte art workshop", LinkStatus.Disabled, 0), ("Old subscription offer", LinkStatus.Archived, 0),
             ("Single-origin beans, 1 kg", LinkStatus.Active, 3), ("Spring menu tasting (draft)", LinkStatus.Draft, 0)],
            links.Select(l => (l.Title, l.Status, l.Usages)));
        var beans = links.Single(l => l.Title.StartsWith("Single-origin"));
        Assert.Equal((32.50m, "EUR", 1000), (beans.Amount, beans.Currency, beans.MaxUsages));

        var payments = await _harness.Services.GetRequiredService<LinkInsights>().RecentPaymentsAsync(caller, beans.Id);
        Assert.Equal(3, payments.Count(p => p.Status == PaymentStatus.Completed && p.Amount == 32.50m));

        var giftCard = links.Single(l => l.Title.StartsWith("Gift card"));
        var history = await StoredHistory.OfAsync(_harness.Services, giftCard.Id);
        Assert.Equal([(LinkStatus.Draft, LinkStatus.Active, ActorKind.MerchantUser), (LinkStatus.Active, LinkStatus.Used, ActorKind.CustomerPayment)],
            history.Select(h => (h.From, h.To, h.ActorKind)));
    }

    [Fact]
    public async Task Everything_made_before_there_were_modes_is_in_test_mode_and_live_mode_starts_empty()
    {
        var test = await DemoMerchantAsync();
        // A page of one is full, so the totals come from the kept counts, which the migration keyed by mode.
        var everyStatus = new LinkQuery { Statuses = Enum.GetValues<LinkStatus>(), Take = 1 };

        Assert.Equal(7, (await _harness.Links.ListAsync(test, everyStatus)).TotalCount);
        Assert.Equal(0, (await _harness.Links.ListAsync(test with { Livemode = true }, everyStatus)).TotalCount);
        await using var db = _harness.NewContext();
        Assert.False(await db.PaymentLinks.AnyAsync(l => l.Livemode) || await db.PaymentAttempts.AnyAsync(a => a.Livemode));
        Assert.Equal(7, await db.MerchantLinkCounts.Where(c => !c.Livemode).SumAsync(c => c.Count));
    }

    [Fact]
    public async Task An_upgraded_link_still_takes_changes_and_payments()
    {
        var caller = await DemoMerchantAsync();
        var invoice = (await _harness.Links.ListAsync(caller, new LinkQuery { Search = "Invoice" })).Items.Single();

        var paid = await _harness.Payments.CompleteAsync((await _harness.Payments.StartAsync(invoice.PublicId)).Value.Id);

        Assert.True(paid.IsSuccess);
        var after = (await _harness.Links.GetAsync(caller, invoice.PublicId)).Value;
        Assert.Equal((LinkStatus.Used, 1), (after.Status, after.Usages));
    }

    private async Task<MerchantCaller> DemoMerchantAsync()
    {
        await using var db = _harness.NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == "demo@paymentlinks.test");
        return new MerchantCaller(user.MerchantId, Actor.User(user.Id), Livemode: false);
    }

    public Task DisposeAsync() => _harness.DisposeAsync();
}
