using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

public sealed class LinkRulesTests
{
    private readonly FakeTimeProvider _clock = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Enable_after_expiry_is_refused_and_link_becomes_expired()
    {
        var link = Links.InState(LinkStatus.Disabled, _clock, expiresAt: Now.AddMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(10));

        var enabled = link.Apply(LinkTrigger.Enable, Now, Links.Merchant);

        Assert.False(enabled.IsSuccess);
        Assert.Equal(RefusalCodes.InvalidTransition, enabled.Refusal.Code);
        Assert.Equal(LinkStatus.Expired, link.Status);
        var expiry = link.History[^1];
        Assert.Equal((LinkStatus.Disabled, LinkStatus.Expired, ActorKind.Clock), (expiry.From, expiry.To, expiry.ActorKind));
        Assert.Equal(link.ExpiresAt, expiry.At);
        Assert.Equal(link.ExpiresAt, link.StatusChangedAt);
    }

    [Fact]
    public void Effective_status_is_expired_the_instant_the_deadline_passes_without_any_write()
    {
        var link = Links.InState(LinkStatus.Active, _clock, expiresAt: Now.AddMinutes(1));
        Assert.Equal(LinkStatus.Active, link.EffectiveStatus(Now));

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(LinkStatus.Active, link.Status);
        Assert.Equal(LinkStatus.Expired, link.EffectiveStatus(Now));
        Assert.Equal(link.ExpiresAt, link.EffectiveStatusChangedAt(Now));
        Assert.Equal(RefusalCodes.LinkExpired, link.PaymentRefusal(Now)!.Code);
    }

    [Fact]
    public void A_draft_never_expires_by_itself_but_cannot_be_published_with_a_past_expiry()
    {
        var link = Links.InState(LinkStatus.Draft, _clock, expiresAt: Now.AddMinutes(1));
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.False(link.CatchUpWithClock(Now));
        Assert.Equal(LinkStatus.Draft, link.EffectiveStatus(Now));
        var published = link.Apply(LinkTrigger.Publish, Now, Links.Merchant);
        Assert.False(published.IsSuccess);
        Assert.Contains("expires_at", published.Refusal.Message);
        Assert.Equal(LinkStatus.Draft, link.Status);
    }

    [Fact]
    public void Create_and_publish_with_a_past_expiry_is_refused()
    {
        var created = PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings(expiresAt: Now.AddSeconds(-1)), publish: true, Now, Links.Merchant);
        Assert.False(created.IsSuccess);
        Assert.Equal(RefusalCodes.InvalidTransition, created.Refusal.Code);
    }

    [Fact]
    public void The_last_allowed_payment_moves_the_link_to_used_and_the_next_is_refused()
    {
        var link = Links.InState(LinkStatus.Active, _clock, maxUsages: 2);
        Assert.True(link.CompletePayment(Now, Actor.Payment(Guid.NewGuid())).IsSuccess);
        Assert.Equal(LinkStatus.Active, link.Status);
        Assert.True(link.CompletePayment(Now, Actor.Payment(Guid.NewGuid())).IsSuccess);
        Assert.Equal(LinkStatus.Used, link.Status);

        var third = link.CompletePayment(Now, Actor.Payment(Guid.NewGuid()));

        Assert.Equal(RefusalCodes.LinkUsed, third.Refusal!.Code);
        Assert.Equal(2, link.Usages);
        Assert.Equal(ActorKind.CustomerPayment, link.History[^1].ActorKind);
    }

    [Fact]
    public void Amount_and_currency_can_change_on_a_draft_until_it_is_first_published()
    {
        var link = Links.InState(LinkStatus.Draft, _clock);
        Assert.True(link.Edit(Links.Settings() with { Amount = 30m, Currency = "USD" }, Now, Links.Merchant).IsSuccess);
        Assert.Equal(30m, link.Amount);

        Assert.True(link.Apply(LinkTrigger.Publish, Now, Links.Merchant).IsSuccess);
        Assert.True(link.Apply(LinkTrigger.Unpublish, Now, Links.Merchant).IsSuccess);
        var edited = link.Edit(Links.Settings() with { Amount = 31m, Currency = "USD" }, Now, Links.Merchant);

        Assert.Equal(LinkSettings.Fields.Amount, Assert.Single(edited.Refusal!.Fields).Field);
        Assert.Equal(30m, link.Amount);
    }

    [Fact]
    public void A_published_link_takes_new_title_and_future_expiry_but_not_a_past_one()
    {
        var link = Links.InState(LinkStatus.Active, _clock);
        var renamed = link.Edit(link.CurrentSettings() with { Title = "Renamed", ExpiresAt = Now.AddDays(1) }, Now, Links.Merchant);
        Assert.True(renamed.IsSuccess);
        Assert.Equal("Renamed", link.Title);

        var past = link.Edit(link.CurrentSettings() with { ExpiresAt = Now.AddDays(-1) }, Now, Links.Merchant);

        Assert.Equal(LinkSettings.Fields.ExpiresAt, Assert.Single(past.Refusal!.Fields).Field);
        Assert.Equal(Now.AddDays(1), link.ExpiresAt);
    }

    [Fact]
    public void Max_usages_never_goes_below_completed_payments()
    {
        var link = Links.InState(LinkStatus.Active, _clock, maxUsages: 5);
        for (var i = 0; i < 3; i++)
            link.CompletePayment(Now, Actor.Payment(Guid.NewGuid()));

        var lowered = link.Edit(link.CurrentSettings() with { MaxUsages = 2 }, Now, Links.Merchant);

        Assert.Equal(LinkSettings.Fields.MaxUsages, Assert.Single(lowered.Refusal!.Fields).Field);
        Assert.Equal(5, link.MaxUsages);
    }

    [Theory]
    [InlineData(LinkStatus.Expired)]
    [InlineData(LinkStatus.Used)]
    [InlineData(LinkStatus.Archived)]
    public void A_terminal_link_cannot_be_edited(LinkStatus terminal)
    {
        var link = Links.InState(terminal, _clock, maxUsages: 1);
        var edited = link.Edit(link.CurrentSettings() with { Title = "Again" }, Now, Links.Merchant);
        Assert.Contains("terminal", edited.Refusal!.Message);
        Assert.Equal("Concert ticket", link.Title);
    }

    [Fact]
    public void Duplicate_copies_the_configuration_into_a_fresh_draft_titled_as_a_copy()
    {
        var used = Links.InState(LinkStatus.Used, _clock, maxUsages: 1);
        var copy = used.DuplicateAsDraft(Now, Links.Merchant);

        Assert.Equal(LinkStatus.Draft, copy.Status);
        Assert.NotEqual(used.Id, copy.Id);
        Assert.NotEqual(used.PublicId, copy.PublicId);
        Assert.Equal(($"Copy of {used.Title}", used.AmountMinor, used.Currency, used.MaxUsages, used.RedirectUrl),
            (copy.Title, copy.AmountMinor, copy.Currency, copy.MaxUsages, copy.RedirectUrl));
        Assert.Equal(0, copy.Usages);
        Assert.Empty(copy.History);
    }

    [Fact]
    public void A_copy_of_a_title_at_its_longest_is_cut_to_fit()
    {
        var link = PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings() with { Title = new string('t', LinkSettings.TitleMaxLength) }, publish: false, Now, Links.Merchant).Value;

        var copy = link.DuplicateAsDraft(Now, Links.Merchant);

        Assert.Equal(LinkSettings.TitleMaxLength, copy.Title.Length);
        Assert.StartsWith("Copy of ttt", copy.Title);
    }

    [Fact]
    public void Public_ids_are_prefixed_url_safe_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => PublicIds.New()).ToList();
        Assert.All(ids, id => Assert.Matches("^pl_[0-9A-Za-z]{20}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(LinkStatus.Draft, LinkStatus.Active, LinkStatus.Active)]
    [InlineData(LinkStatus.Disabled, LinkStatus.Active, LinkStatus.Active)]
    [InlineData(LinkStatus.Active, LinkStatus.Disabled, LinkStatus.Disabled)]
    [InlineData(LinkStatus.Disabled, LinkStatus.Draft, LinkStatus.Draft)]
    [InlineData(LinkStatus.Active, LinkStatus.Expired, LinkStatus.Expired)]
    [InlineData(LinkStatus.Draft, LinkStatus.Archived, LinkStatus.Archived)]
    [InlineData(LinkStatus.Active, LinkStatus.Active, LinkStatus.Active)]
    public void Asking_for_a_state_takes_the_action_that_leads_there(LinkStatus from, LinkStatus target, LinkStatus expected)
    {
        var link = Links.InState(from, _clock);
        Assert.True(link.MoveTo(target, Now, Links.Merchant).IsSuccess);
        Assert.Equal(expected, link.Status);
    }

    [Theory]
    [InlineData(LinkStatus.Active, LinkStatus.Used, "only when completed payments")]
    [InlineData(LinkStatus.Draft, LinkStatus.Disabled, "cannot be moved")]
    [InlineData(LinkStatus.Expired, LinkStatus.Active, "terminal")]
    public void Asking_for_a_state_with_no_arrow_there_is_refused_with_the_reason(LinkStatus from, LinkStatus target, string reason)
    {
        var link = Links.InState(from, _clock);
        var moved = link.MoveTo(target, Now, Links.Merchant);
        Assert.Equal(RefusalCodes.InvalidTransition, moved.Refusal!.Code);
        Assert.Contains(reason, moved.Refusal.Message);
        Assert.Equal((from.ToDisplayName(), target.ToDisplayName()), (moved.Refusal.From, moved.Refusal.To));
        Assert.Equal(from, link.Status);
    }
}
