using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace PaymentLinks.Infrastructure.Tests.Services;

public sealed class LinkServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();
    private MerchantCaller _merchant = default!;

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _merchant = await _harness.NewMerchantAsync();
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    public static TheoryData<string, LinkSettings, bool> BadInput() => new()
    {
        { LinkSettings.Fields.Amount, ServiceHarness.Settings() with { Amount = 0m }, false },
        { LinkSettings.Fields.Amount, ServiceHarness.Settings() with { Amount = -1m }, false },
        { LinkSettings.Fields.Currency, ServiceHarness.Settings() with { Currency = "ABC" }, false },
        { LinkSettings.Fields.MaxUsages, ServiceHarness.Settings(maxUsages: 0), false },
        { LinkSettings.Fields.MaxUsages, ServiceHarness.Settings(maxUsages: 1_000_001), false },
        { LinkSettings.Fields.RedirectUrl, ServiceHarness.Settings() with { RedirectUrl = "http://shop.example/x" }, false },
        { LinkSettings.Fields.Title, ServiceHarness.Settings() with { Title = new string('t', 121) }, false },
        { LinkSettings.Fields.Title, ServiceHarness.Settings() with { Title = "" }, true },
        { LinkSettings.Fields.ExpiresAt, ServiceHarness.Settings(expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)), true },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written(string field, LinkSettings settings, bool publish)
    {
        var created = await _harness.Links.CreateAsync(_merchant, settings, publish);

        Assert.False(created.IsSuccess);
        Assert.True(created.Refusal.Fields.Any(f => f.Field == field) || created.Refusal.Message.Contains(field),
            $"Refusal does not name {field}: {created.Refusal.Message}");
        await using var db = _harness.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
        Assert.Equal(0, await db.LinkStatusChanges.CountAsync());
    }

    [Fact]
    public async Task Another_merchants_link_is_not_found_by_any_call()
    {
        var link = await _harness.ActiveLinkAsync(_merchant);
        var other = await _harness.NewMerchantAsync("Other Shop");
        var links = _harness.Links;

        Assert.Equal(RefusalCodes.NotFound, (await links.GetAsync(other, link.Id.ToString())).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await links.GetAsync(other, link.PublicId)).Refusal!.Code);
        foreach (var action in LinkTriggerExtensions.MerchantActions)
            Assert.Equal(RefusalCodes.NotFound, (await links.ApplyAsync(other, link.Id, action)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await links.EditAsync(other, link.Id, ServiceHarness.Settings(), link.Version)).Refusal!.Code);
        Assert.Equal(RefusalCodes.NotFound, (await links.DuplicateAsync(other, link.Id)).Refusal!.Code);
        Assert.Null(await _harness.Services.GetRequiredService<LinkDetailsQuery>().GetAsync(other, link.Id, TimeZoneInfo.Utc));
        Assert.Equal(0, (await links.ListAsync(other, new LinkQuery { Search = link.PublicId })).TotalCount);

        var untouched = (await links.GetAsync(_merchant, link.PublicId)).Value;
        Assert.Equal((LinkStatus.Active, link.Version), (untouched.Status, untouched.Version));
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused_as_changed_by_someone_else()
    {
        var link = (await _harness.Links.CreateAsync(_merchant, ServiceHarness.Settings(), publish: false)).Value;
        var first = await _harness.Links.EditAsync(_merchant, link.Id, link.Settings with { Title = "First tab" }, link.Version);
        Assert.True(first.IsSuccess);

        var second = await _harness.Links.EditAsync(_merchant, link.Id, link.Settings with { Title = "Second tab" }, link.Version);

        Assert.Equal(RefusalCodes.Conflict, second.Refusal!.Code);
        Assert.Equal("First tab", (await _harness.Links.GetAsync(_merchant, link.PublicId)).Value.Title);
    }

    [Fact]
    public async Task Actions_write_history_with_the_acting_user_and_no_op_repeats_write_nothing()
    {
        var link = (await _harness.Links.CreateAsync(_merchant, ServiceHarness.Settings(), publish: false)).Value;
        await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Publish);
        await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Disable);
        var again = await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Disable);
        await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Enable);
        await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Archive);

        Assert.True(again.IsSuccess);
        var history = await StoredHistory.OfAsync(_harness.Services, link.Id);
        Assert.Equal(
            ["DRAFT>ACTIVE", "ACTIVE>DISABLED", "DISABLED>ACTIVE", "ACTIVE>ARCHIVED"],
            history.Select(h => $"{h.From.ToDisplayName()}>{h.To.ToDisplayName()}"));
        Assert.All(history, h => Assert.Equal((ActorKind.MerchantUser, _merchant.Actor.Id), (h.ActorKind, h.ActorId)));
    }

    [Fact]
    public async Task List_pages_filters_searches_and_sorts_on_the_server()
    {
        for (var i = 1; i <= 25; i++)
            await _harness.Links.CreateAsync(_merchant, ServiceHarness.Settings(title: $"Item {i:00}"), publish: i % 2 == 0);
        var archived = (await _harness.Links.CreateAsync(_merchant, ServiceHarness.Settings(title: "Old thing"), publish: false)).Value;
        await _harness.Links.ApplyAsync(_merchant, archived.Id, LinkTrigger.Archive);

        var firstPage = await _harness.Links.ListAsync(_merchant, new LinkQuery { Take = 10, Sort = LinkSort.Title, Descending = false });
        var thirdPage = await _harness.Links.ListAsync(_merchant, new LinkQuery { Skip = 20, Take = 10, Sort = LinkSort.Title, Descending = false });
        var drafts = await _harness.Links.ListAsync(_merchant, new LinkQuery { Statuses = [LinkStatus.Draft] });
        var search = await _harness.Links.ListAsync(_merchant, new LinkQuery { Search = "item 1" });
        var byPublicId = await _harness.Links.ListAsync(_merchant, new LinkQuery { Search = archived.PublicId, Statuses = [LinkStatus.Archived] });

        Assert.Equal(25, firstPage.TotalCount);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Item {i:00}"), firstPage.Items.Select(l => l.Title));
        Assert.Equal(["Item 21", "Item 22", "Item 23", "Item 24", "Item 25"], thirdPage.Items.Select(l => l.Title));
        Assert.Equal(13, drafts.TotalCount);
        Assert.Equal(10, search.TotalCount);
        Assert.Equal(archived.Id, Assert.Single(byPublicId.Items).Id);
    }

    [Fact]
    public async Task Duplicate_makes_a_new_draft_from_a_used_link()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, maxUsages: 1);
        var attempt = (await _harness.Payments.StartAsync(link.PublicId)).Value;
        await _harness.Payments.CompleteAsync(attempt.Id);

        var copy = (await _harness.Links.DuplicateAsync(_merchant, link.Id)).Value;

        Assert.Equal(LinkStatus.Used, (await _harness.Links.GetAsync(_merchant, link.PublicId)).Value.Status);
        Assert.Equal((LinkStatus.Draft, 0, 1, $"Copy of {link.Title}"), (copy.Status, copy.Usages, copy.MaxUsages, copy.Title));
        Assert.NotEqual(link.PublicId, copy.PublicId);
    }

    [Fact]
    public async Task A_declined_payment_leaves_usage_unchanged_and_finishing_twice_changes_nothing()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, maxUsages: 5);
        var declined = (await _harness.Payments.StartAsync(link.PublicId)).Value;
        var approved = (await _harness.Payments.StartAsync(link.PublicId)).Value;

        await _harness.Payments.FailAsync(declined.Id);
        var completedAfterDecline = (await _harness.Payments.CompleteAsync(declined.Id)).Value;
        await _harness.Payments.CompleteAsync(approved.Id);
        await _harness.Payments.CompleteAsync(approved.Id);

        Assert.Equal(RefusalCodes.PaymentDeclined, completedAfterDecline.FailureReason);
        Assert.Equal(1, (await _harness.Links.GetAsync(_merchant, link.PublicId)).Value.Usages);
    }

    [Fact]
    public async Task A_draft_cannot_be_paid_and_looks_exactly_like_an_unknown_link()
    {
        var draft = (await _harness.Links.CreateAsync(_merchant, ServiceHarness.Settings(), publish: false)).Value;

        var onDraft = await _harness.Payments.StartAsync(draft.PublicId);
        var onUnknown = await _harness.Payments.StartAsync("pl_doesnotexist0000000");

        Assert.Equal(onUnknown.Refusal, onDraft.Refusal);
        Assert.Equal(RefusalCodes.NotFound, onDraft.Refusal!.Code);
    }
}
