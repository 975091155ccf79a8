using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using Fields = PaymentLinks.Domain.Links.LinkSettings.Fields;

namespace PaymentLinks.Domain.Tests;

/// <summary>Every cell of <see cref="EditRules"/>: each setting changed in each state, through <see cref="PaymentLink.Edit"/>.</summary>
public sealed class EditRulesTableTests
{
    private readonly FakeTimeProvider _clock = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>The states a link can be edited in, with DRAFT twice: never published, and unpublished after being live.</summary>
    public enum Situation { NewDraft, UnpublishedDraft, Active, Disabled, Expired, Used, Archived }

    /// <summary>A valid new value for each setting (for expires_at, a future one; the past is its own test).</summary>
    private static readonly Dictionary<string, Func<LinkSettings, LinkSettings>> Changes = new()
    {
        [Fields.Title] = s => s with { Title = "Renamed" },
        [Fields.Description] = s => s with { Description = "Now with a description" },
        [Fields.Amount] = s => s with { Amount = s.Amount + 1 },
        [Fields.Currency] = s => s with { Currency = "USD" },
        [Fields.CustomerChoosesAmount] = s => s with { CustomerChoosesAmount = !s.CustomerChoosesAmount, MaxQuantity = null },
        [Fields.SuggestedAmount] = s => s with { SuggestedAmount = s.Amount + 5 },
        [Fields.MaximumAmount] = s => s with { MaximumAmount = s.Amount + 50 },
        [Fields.MaxQuantity] = s => s with { MaxQuantity = 7 },
        [Fields.MaxUsages] = s => s with { MaxUsages = s.MaxUsages + 5 },
        [Fields.ExpiresAt] = s => s with { ExpiresAt = DateTimeOffset.UnixEpoch.AddYears(100) },
        [Fields.RedirectUrl] = s => s with { RedirectUrl = "https://shop.example/elsewhere" },
        [Fields.DisabledMessage] = s => s with { DisabledMessage = "Back on Monday" },
        [Fields.CustomerDetails] = s => s with { CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Required) },
        [Fields.CustomFields] = s => s with { CustomFields = [new("Size", CustomFieldKind.Choice, true, ["S", "M"])] },
        [Fields.CheckoutLanguage] = s => s with { CheckoutLanguage = "pt-BR" },
    };

    /// <summary>The decisions, written down again here so that a changed table fails until the test agrees.</summary>
    private static readonly Dictionary<string, EditRule> Decided = new()
    {
        [Fields.Title] = EditRule.WhileOpen,
        [Fields.Description] = EditRule.WhileOpen,
        [Fields.Amount] = EditRule.UntilFirstPublished,
        [Fields.Currency] = EditRule.UntilFirstPublished,
        [Fields.CustomerChoosesAmount] = EditRule.UntilFirstPublished,
        [Fields.SuggestedAmount] = EditRule.WhileOpen,
        [Fields.MaximumAmount] = EditRule.WhileOpen,
        [Fields.MaxQuantity] = EditRule.WhileOpen,
        [Fields.MaxUsages] = EditRule.NotBelowUsages,
        [Fields.ExpiresAt] = EditRule.FutureOrNone,
        [Fields.RedirectUrl] = EditRule.WhileOpen,
        [Fields.DisabledMessage] = EditRule.WhileOpen,
        [Fields.CustomerDetails] = EditRule.WhileOpen,
        [Fields.CustomFields] = EditRule.WhileOpen,
        [Fields.CheckoutLanguage] = EditRule.WhileOpen,
    };

    public static TheoryData<string, Situation> EveryCell()
    {
        var cells = new TheoryData<string, Situation>();
        foreach (var field in Decided.Keys)
            foreach (var situation in Enum.GetValues<Situation>())
                cells.Add(field, situation);
        return cells;
    }

    [Fact]
    public void The_table_has_the_decided_rule_for_every_setting()
    {
        Assert.Equal(typeof(Fields).GetFields().Select(f => (string)f.GetValue(null)!).Order(), EditRules.ByField.Keys.Order());
        Assert.Equal(Decided.OrderBy(r => r.Key), EditRules.ByField.OrderBy(r => r.Key));
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void Each_setting_changes_exactly_where_its_rule_allows(string field, Situation situation)
    {
        var link = LinkIn(situation, field is Fields.SuggestedAmount or Fields.MaximumAmount);
        var before = link.CurrentSettings();
        var after = Changes[field](before);
        Assert.True(before.Differs(field, after), "the change must change the setting");

        var edited = link.Edit(after, Now, Links.Merchant);

        if (Allowed(Decided[field], situation))
        {
            Assert.True(edited.IsSuccess, edited.IsSuccess ? "" : edited.Refusal.Message);
            Assert.False(link.CurrentSettings().Differs(field, after));
            return;
        }
        Assert.False(edited.IsSuccess);
        Assert.False(link.CurrentSettings().Differs(field, before));
        if (situation is Situation.Expired or Situation.Used or Situation.Archived)
            Assert.Equal(RefusalCodes.InvalidTransition, edited.Refusal.Code);
        else
            Assert.Equal(field, Assert.Single(edited.Refusal.Fields).Field);
    }

    [Theory]
    [InlineData(Situation.NewDraft, true)]
    [InlineData(Situation.UnpublishedDraft, true)]
    [InlineData(Situation.Active, false)]
    [InlineData(Situation.Disabled, false)]
    public void An_expiry_in_the_past_is_only_for_drafts(Situation situation, bool allowed)
    {
        var link = LinkIn(situation, customerChooses: false);

        var edited = link.Edit(link.CurrentSettings() with { ExpiresAt = Now.AddMinutes(-1) }, Now, Links.Merchant);

        Assert.Equal(allowed, edited.IsSuccess);
    }

    private static bool Allowed(EditRule rule, Situation situation) => situation switch
    {
        Situation.Expired or Situation.Used or Situation.Archived => false,
        Situation.NewDraft => true,
        _ => rule != EditRule.UntilFirstPublished,
    };

    private PaymentLink LinkIn(Situation situation, bool customerChooses)
    {
        var settings = Links.Settings(maxUsages: 3) with { CustomerChoosesAmount = customerChooses };
        var link = PaymentLink.Create(Guid.NewGuid(), livemode: false, settings, publish: situation != Situation.NewDraft, Now, Links.Merchant).Value;
        Result<bool> Do(LinkTrigger action) => link.Apply(action, Now, Links.Merchant);
        switch (situation)
        {
            case Situation.UnpublishedDraft: Assert.True(Do(LinkTrigger.Unpublish).IsSuccess); break;
            case Situation.Disabled: Assert.True(Do(LinkTrigger.Disable).IsSuccess); break;
            case Situation.Expired: Assert.True(Do(LinkTrigger.ExpireNow).IsSuccess); break;
            case Situation.Archived: Assert.True(Do(LinkTrigger.Archive).IsSuccess); break;
            case Situation.Used:
                while (link.Status == LinkStatus.Active)
                    Assert.True(link.CompletePayment(Now, Actor.Payment(Guid.NewGuid())).IsSuccess);
                break;
        }
        return link;
    }
}
