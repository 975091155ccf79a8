using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Overview;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>A merchant's two worlds: what is made in test mode does not exist in live mode, and the reverse.</summary>
public sealed class ModeTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();
    private MerchantCaller _test = default!;
    private MerchantCaller _live = default!;

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _test = await _harness.NewMerchantAsync("Two Worlds");
        _live = _test with { Livemode = true };
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_test_link_and_its_payment_are_nowhere_in_live_mode_and_a_live_draft_nowhere_in_test_mode()
    {
        var testLink = (await _harness.Links.CreateAsync(_test, ServiceHarness.Settings(title: "Test poster"), publish: true)).Value;
        var liveDraft = (await _harness.Links.CreateAsync(_live, ServiceHarness.Settings(title: "Live poster"), publish: false)).Value;
        await _harness.Payments.CompleteAsync((await _harness.Payments.StartAsync(testLink.PublicId)).Value.Id);
        var ledger = _harness.Services.GetRequiredService<PaymentLedger>();
        var overview = _harness.Services.GetRequiredService<MerchantOverview>();

        Assert.Equal((false, true), (testLink.Livemode, liveDraft.Livemode));
        Assert.Equal(RefusalCodes.NotFound, (await _harness.Links.GetAsync(_live, testLink.Id)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await _harness.Links.GetAsync(_live, testLink.PublicId)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await _harness.Links.GetAsync(_test, liveDraft.Id)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await _harness.Links.ApplyAsync(_live, testLink.Id, LinkTrigger.Disable)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await _harness.Links.DuplicateAsync(_test, liveDraft.Id)).Refusal!.Code);
        // Take 1 of 1 fills the page, so the total comes from the kept counts, which are per mode too.
        var everyStatus = new LinkQuery { Statuses = Enum.GetValues<LinkStatus>(), Take = 1 };
        Assert.Equal(["Test poster"], (await _harness.Links.ListAsync(_test, everyStatus)).Items.Select(l => l.Title));
        Assert.Equal(["Live poster"], (await _harness.Links.ListAsync(_live, everyStatus)).Items.Select(l => l.Title));
        Assert.Equal((1, 1), ((await _harness.Links.ListAsync(_test, everyStatus)).TotalCount, (await _harness.Links.ListAsync(_live, everyStatus)).TotalCount));
        Assert.Single((await ledger.ListAsync(_test, new())).Items);
        Assert.Empty((await ledger.ListAsync(_live, new())).Items);
        var (testFigures, liveFigures) = (await overview.ReadAsync(_test, TimeZoneInfo.Utc), await overview.ReadAsync(_live, TimeZoneInfo.Utc));
        Assert.Equal((1, 1, 1), (testFigures.LinkCount, testFigures.CompletedEver, testFigures.Latest.Count));
        Assert.Equal((1, 0, 0, 0), (liveFigures.LinkCount, liveFigures.CompletedEver, liveFigures.Latest.Count, liveFigures.Totals.Count));
    }

    [Fact]
    public async Task Without_a_provider_a_live_link_is_saved_and_archived_as_a_draft_but_never_goes_active()
    {
        var published = await _harness.Links.CreateAsync(_live, ServiceHarness.Settings(), publish: true);
        var draft = (await _harness.Links.CreateAsync(_live, ServiceHarness.Settings(title: "Live draft"), publish: false)).Value;

        var publish = await _harness.Links.ApplyAsync(_live, draft.Id, LinkTrigger.Publish);
        var moved = await _harness.Links.MoveToAsync(_live, draft.PublicId, LinkStatus.Active);

        Assert.Equal(LiveProviders.NotConnectedMessage, published.Refusal!.Message);
        Assert.Equal((RefusalCodes.InvalidTransition, "DRAFT", "ACTIVE"), (publish.Refusal!.Code, publish.Refusal.From, publish.Refusal.To));
        Assert.Equal(RefusalCodes.InvalidTransition, moved.Refusal!.Code);
        var kept = (await _harness.Links.GetAsync(_live, draft.Id)).Value;
        Assert.Equal((LinkStatus.Draft, draft.Version), (kept.Status, kept.Version));
        Assert.Empty(await StoredHistory.OfAsync(_harness.Services, draft.Id));
        Assert.Equal(1, (await _harness.Links.ListAsync(_live, new LinkQuery { Statuses = Enum.GetValues<LinkStatus>() })).TotalCount);
        Assert.True((await _harness.Links.ApplyAsync(_live, draft.Id, LinkTrigger.Archive)).IsSuccess);
    }
}
