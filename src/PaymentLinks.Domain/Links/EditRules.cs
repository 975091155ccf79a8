using static PaymentLinks.Domain.Links.LinkSettings;

namespace PaymentLinks.Domain.Links;

/// <summary>When a setting may change. Whatever the rule, nothing changes in a terminal state.</summary>
public enum EditRule
{
    /// <summary>In DRAFT, ACTIVE and DISABLED.</summary>
    WhileOpen,

    /// <summary>Until the link is first published: what customers were offered stays what they are charged.</summary>
    UntilFirstPublished,

    /// <summary>Freely in DRAFT; while ACTIVE or DISABLED only to a future instant, or none.</summary>
    FutureOrNone,

    /// <summary>Never below the payments already completed.</summary>
    NotBelowUsages,
}

/// <summary>
/// PRODUCT.md's table "What can change after creation", with what a link asks of the customer added.
/// What a customer is charged per unit (amount, currency, and whether they choose the amount) is fixed once
/// published; what the merchant asks for fulfilment (details, custom fields), how many units one payment may
/// buy and the suggested amount may change while the link is open: each payment keeps the questions it was
/// asked and the amount it was charged.
/// </summary>
public static class EditRules
{
    public static IReadOnlyDictionary<string, EditRule> ByField { get; } = new Dictionary<string, EditRule>
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

    /// <summary>The setting's name, as a problem's message names it (those that an edit rule can refuse have their own).</summary>
    public static SettingName NameOf(string field) => field switch
    {
        Fields.Amount => SettingName.Amount,
        Fields.Currency => SettingName.Currency,
        Fields.CustomerChoosesAmount => SettingName.ChoosesAmount,
        _ => new SettingName(field, char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' ')),
    };
}
