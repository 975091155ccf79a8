using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>
/// What can be wrong with a link's settings or with a change to a link, as codes (<see cref="Problem"/>): the dashboard
/// says each in its reader's language, with the values named here in this order; the API says the English message.
/// </summary>
public static class LinkProblems
{
    /// <summary>Values, here and below unless said: the setting (<see cref="SettingName"/>); then its longest length.</summary>
    public const string Required = TextRules.RequiredCode;
    public const string TooLong = TextRules.TooLongCode;
    public const string InvalidCharacter = TextRules.InvalidCharacterCode;
    public const string DirectionControls = TextRules.DirectionControlsCode;
    public const string ControlCharacters = TextRules.ControlCharactersCode;
    public const string ControlCharactersExceptBreaks = TextRules.ControlCharactersExceptBreaksCode;
    public const string NotAbsoluteUrl = WebAddresses.NotAbsoluteCode;
    public const string NotHttps = WebAddresses.NotHttpsCode;
    public const string AmountNotPositive = "amount_not_positive";

    /// <summary>Values: the setting, the largest amount.</summary>
    public const string AmountTooHigh = "amount_above_ceiling";

    /// <summary>Values: the setting, the currency's code, its number of decimals.</summary>
    public const string AmountTooPrecise = "amount_too_precise";

    /// <summary>No values.</summary>
    public const string CurrencyUnknown = "currency_unknown";
    public const string MaximumBelowMinimum = "maximum_below_minimum";
    public const string SuggestedBelowMinimum = "suggested_below_minimum";
    public const string QuantityWithChosenAmount = "quantity_with_chosen_amount";
    public const string CustomerDetailUnknown = "customer_detail_unknown";
    public const string LabelRepeated = "label_repeated";
    public const string KindUnknown = "kind_unknown";
    public const string OptionsOnlyForChoice = "options_only_for_choice";
    public const string OptionEmpty = "option_empty";
    public const string OptionsRepeated = "options_repeated";
    public const string ExpiryNotFuture = "expiry_not_future";

    /// <summary>Values: the setting (<see cref="SettingName"/>).</summary>
    public const string FixedOncePublished = "fixed_once_published";

    /// <summary>Values: the smallest and the largest number.</summary>
    public const string MaxUsagesOutOfRange = "max_usages_out_of_range";
    public const string MaxQuantityOutOfRange = "max_quantity_out_of_range";
    public const string OptionCount = "option_count";

    /// <summary>Values: the highest amount (<see cref="MoneyAmount"/>).</summary>
    public const string SuggestedAboveMaximum = "suggested_above_maximum";

    /// <summary>Values: one number (the ceiling, the most questions, the longest option, the payments completed).</summary>
    public const string QuantityTotalTooHigh = "quantity_total_too_high";
    public const string TooManyQuestions = "too_many_questions";
    public const string OptionTooLong = "option_too_long";
    public const string MaxUsagesBelowUsages = "max_usages_below_usages";

    /// <summary>Values: the languages the checkout speaks, as one list.</summary>
    public const string CheckoutLanguageUnknown = "checkout_language_unknown";

    /// <summary>Values: the link's state (<see cref="LinkStatus"/>).</summary>
    public const string Terminal = "link_terminal";
    public const string TerminalNotEditable = "link_terminal_not_editable";

    /// <summary>Values: the link's state and the state asked for (<see cref="LinkStatus"/>).</summary>
    public const string MoveNotAllowed = "move_not_allowed";

    /// <summary>No values.</summary>
    public const string PublishExpired = "publish_expired";
    public const string NoLiveProvider = "no_live_provider";
    public const string UsedOnlyByPayments = "used_only_by_payments";
    public const string NotFound = "link_not_found";
    public const string ChangedBySomeoneElse = "changed_by_someone_else";
}

/// <summary>
/// A setting of a link, as a problem's message names it: <see cref="Key"/> for a page that names it in its reader's
/// language, and in English as the message writes it (its string).
/// </summary>
public sealed record SettingName(string Key, string English)
{
    public static readonly SettingName Title = new(nameof(Title), "Title");
    public static readonly SettingName Description = new(nameof(Description), "Description");
    public static readonly SettingName Amount = new(nameof(Amount), "Amount");
    public static readonly SettingName Currency = new(nameof(Currency), "Currency");
    public static readonly SettingName ChoosesAmount = new(nameof(ChoosesAmount), "Whether the customer chooses the amount");
    public static readonly SettingName MinimumAmount = new(nameof(MinimumAmount), "Minimum amount");
    public static readonly SettingName SuggestedAmount = new(nameof(SuggestedAmount), "Suggested amount");
    public static readonly SettingName MaximumAmount = new(nameof(MaximumAmount), "Maximum amount");
    public static readonly SettingName RedirectUrl = new(nameof(RedirectUrl), "Redirect URL");
    public static readonly SettingName Message = new(nameof(Message), "Message");
    public static readonly SettingName Label = new(nameof(Label), "Label");
    public static readonly SettingName Option = new(nameof(Option), "An option");

    public static IReadOnlyList<SettingName> All { get; } =
        [Title, Description, Amount, Currency, ChoosesAmount, MinimumAmount, SuggestedAmount, MaximumAmount, RedirectUrl, Message, Label, Option];

    public override string ToString() => English;
}
