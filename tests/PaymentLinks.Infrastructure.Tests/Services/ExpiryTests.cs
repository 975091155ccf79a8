using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Expiry;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

public sealed class ExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceHarness _harness;
    private MerchantCaller _merchant = default!;

    public ExpiryTests() => _harness = new ServiceHarness(_clock, sweeperInterval: TimeSpan.FromMilliseconds(50));

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _merchant = await _harness.NewMerchantAsync();
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    private DateTimeOffset InOneHour => _clock.GetUtcNow().AddHours(1);

    [Fact]
    public async Task Once_the_deadline_passes_every_read_says_expired_at_once()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour);
        var pending = (await _harness.Payments.StartAsync(link.PublicId)).Value;
        _clock.Advance(TimeSpan.FromHours(1));

        var listed = await _harness.Links.ListAsync(_merchant, new LinkQuery { Statuses = [LinkStatus.Expired] });
        Assert.Equal(link.Id, Assert.Single(listed.Items).Id);
        Assert.Equal(LinkStatus.Expired, (await _harness.Links.GetAsync(_merchant, link.PublicId)).Value.Status);
        Assert.Equal(RefusalCodes.LinkExpired, (await _harness.Payments.StartAsync(link.PublicId)).Refusal!.Code);
        var completed = (await _harness.Payments.CompleteAsync(pending.Id)).Value;
        Assert.Equal((PaymentStatus.Failed, RefusalCodes.LinkExpired), (completed.Status, completed.FailureReason));
        Assert.Equal(0, (await _harness.Links.GetAsync(_merchant, link.Id.ToString())).Value.Usages);
    }

    [Fact]
    public async Task A_list_shows_a_link_past_its_deadline_as_expired_in_every_filter_and_writes_nothing()
    {
        var due = await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour);
        var later = await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour.AddDays(1));
        var disabled = (await _harness.Links.ApplyAsync(_merchant, (await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour)).Id, LinkTrigger.Disable)).Value;
        _clock.Advance(TimeSpan.FromHours(2));

        async Task<Guid[]> Listed(params LinkStatus[] statuses) =>
            (await _harness.Links.ListAsync(_merchant, new LinkQuery { Statuses = statuses })).Items.Select(l => l.Id).Order().ToArray();

        Assert.Equal(new[] { due.Id, disabled.Id }.Order(), await Listed(LinkStatus.Expired));
        Assert.Equal([later.Id], await Listed(LinkStatus.Active));
        Assert.Empty(await Listed(LinkStatus.Disabled));
        Assert.Equal(new[] { due.Id, later.Id, disabled.Id }.Order(), await Listed(LinkStatus.Active, LinkStatus.Disabled, LinkStatus.Expired));
        await using var db = _harness.NewContext();
        Assert.Equal(LinkStatus.Active, (await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == due.Id)).Status);
        Assert.Equal(LinkStatus.Disabled, (await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == disabled.Id)).Status);
    }

    [Fact]
    public async Task Reading_a_link_after_its_deadline_persists_the_expiry_dated_at_the_deadline()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour);
        _clock.Advance(TimeSpan.FromHours(2));

        var read = (await _harness.Links.GetAsync(_merchant, link.Id.ToString())).Value;

        Assert.Equal((LinkStatus.Expired, link.ExpiresAt!.Value), (read.Status, read.StatusChangedAt));
        await AssertPersistedExpiry(link);
    }

    [Fact]
    public async Task The_sweeper_persists_expiries_nobody_looked_at()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour);
        var disabled = await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour);
        await _harness.Links.ApplyAsync(_merchant, disabled.Id, LinkTrigger.Disable);
        var sweeper = _harness.Services.GetServices<IHostedService>().OfType<ExpirySweeper>().Single();
        _clock.Advance(TimeSpan.FromHours(1));

        await sweeper.StartAsync(CancellationToken.None);
        try
        {
            await Poll.UntilAsync(async () =>
            {
                await using var db = _harness.NewContext();
                return await db.PaymentLinks.CountAsync(l => l.Status == LinkStatus.Expired) == 2;
            }, "both links stored EXPIRED");
        }
        finally
        {
            await sweeper.StopAsync(CancellationToken.None);
        }
        await AssertPersistedExpiry(link);
        await AssertPersistedExpiry(disabled);
    }

    [Fact]
    public async Task Enable_after_the_deadline_is_refused_and_the_link_is_stored_expired()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, expiresAt: InOneHour);
        await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Disable);
        _clock.Advance(TimeSpan.FromHours(1));

        var enabled = await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Enable);

        Assert.Equal(RefusalCodes.InvalidTransition, enabled.Refusal!.Code);
        Assert.Contains("terminal", enabled.Refusal.Message);
        await AssertPersistedExpiry(link);
    }

    [Fact]
    public async Task A_draft_past_its_expiry_stays_a_draft_and_cannot_be_published()
    {
        var draft = (await _harness.Links.CreateAsync(_merchant, ServiceHarness.Settings(expiresAt: InOneHour), publish: false)).Value;
        _clock.Advance(TimeSpan.FromHours(2));

        var published = await _harness.Links.ApplyAsync(_merchant, draft.Id, LinkTrigger.Publish);

        Assert.Equal(RefusalCodes.InvalidTransition, published.Refusal!.Code);
        Assert.Equal(LinkStatus.Draft, (await _harness.Links.GetAsync(_merchant, draft.PublicId)).Value.Status);
    }

    private async Task AssertPersistedExpiry(LinkView link)
    {
        await using var db = _harness.NewContext();
        var stored = await db.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);
        Assert.Equal((LinkStatus.Expired, link.ExpiresAt!.Value), (stored.Status, stored.StatusChangedAt));
        var entry = await db.LinkStatusChanges.SingleAsync(c => c.LinkId == link.Id && c.To == LinkStatus.Expired);
        Assert.Equal((ActorKind.Clock, link.ExpiresAt.Value), (entry.ActorKind, entry.At));
    }
}
