using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>What a merchant configures on a link; the same shape for create and edit.</summary>
public sealed partial record LinkSettings
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 1000;
    public const int RedirectUrlMaxLength = 2000;
    public const int DisabledMessageMaxLength = 500;
    public const int MinMaxUsages = 1;
    public const int MaxMaxUsages = 1_000_000;
    public const int DefaultMaxUsages = 1_000;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int DefaultMaximumTimesMinimum = 1_000;

    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public int MaxUsages { get; init; } = DefaultMaxUsages;
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? RedirectUrl { get; init; }
    public string? DisabledMessage { get; init; }

    /// <summary>The customer chooses what to pay, <see cref="Amount"/> or more; without it, Amount is the fixed price.</summary>
    public bool CustomerChoosesAmount { get; init; }

    /// <summary>With <see cref="CustomerChoosesAmount"/>: the amount the pay page proposes.</summary>
    public decimal? SuggestedAmount { get; init; }

    /// <summary>With <see cref="CustomerChoosesAmount"/>: the most a customer may pay; none set, <see cref="HighestChosenAmount"/>'s default.</summary>
    public decimal? MaximumAmount { get; init; }

    /// <summary>
    /// The most a customer may choose to pay: the merchant's maximum, or else <see cref="DefaultMaximumTimesMinimum"/> times
    /// the minimum, so that a few zeros too many (99,999,999.00) are refused on the pay page instead of reaching the bank.
    /// </summary>
    public decimal HighestChosenAmount => HighestChosen(Amount, MaximumAmount);

    public static decimal HighestChosen(decimal minimum, decimal? maximum) => maximum ?? Math.Min(minimum * DefaultMaximumTimesMinimum, MaxAmount);

    /// <summary>The most units a customer may buy in one payment (1 … this); null when the pay page asks no quantity.</summary>
    public int? MaxQuantity { get; init; }

    public CustomerDetails CustomerDetails { get; init; } = new();

    /// <summary>
    /// The language of this link's checkout for a customer whose browser asks for none of the checkout's (one of
    /// <see cref="CheckoutLanguageNames"/>); none: the merchant's choice for customers.
    /// </summary>
    public string? CheckoutLanguage { get; init; }

    public IReadOnlyList<CustomField> CustomFields { get; init; } = [];

    /// <summary>Field names as the API and the forms use them.</summary>
    public static class Fields
    {
        public const string Title = "title";
        public const string Description = "description";
        public const string Amount = "amount";
        public const string Currency = "currency";
        public const string MaxUsages = "max_usages";
        public const string ExpiresAt = "expires_at";
        public const string RedirectUrl = "redirect_url";
        public const string DisabledMessage = "disabled_message";
        public const string CustomerChoosesAmount = "customer_chooses_amount";
        public const string SuggestedAmount = "suggested_amount";
        public const string MaximumAmount = "maximum_amount";
        public const string MaxQuantity = "max_quantity";
        public const string CustomerDetails = "customer_details";
        public const string CustomFields = "custom_fields";
        public const string CheckoutLanguage = "checkout_language";

        /// <summary>One property of one custom field, as in <c>custom_fields[0].label</c>.</summary>
        public static string CustomField(int index, string property) => $"{CustomFields}[{index}].{property}";
    }

    /// <summary>Checks each field on its own; state-dependent rules live on <see cref="PaymentLink"/>.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Check(string field, Problem? problem)
        {
            if (problem is not null)
                errors.Add(problem.At(field));
        }

        Check(Fields.Title, string.IsNullOrWhiteSpace(Title)
            ? TextRules.Required(SettingName.Title)
            : TextProblem(Title, SettingName.Title, TitleMaxLength));
        Check(Fields.Description, Description is null ? null : TextProblem(Description, SettingName.Description, DescriptionMaxLength, multiline: true));

        if (!Currencies.IsKnown(Currency))
            Check(Fields.Currency, new(LinkProblems.CurrencyUnknown, "Currency must be an ISO 4217 code such as USD or EUR."));

        Check(Fields.Amount, AmountProblem(Amount, CustomerChoosesAmount ? SettingName.MinimumAmount : SettingName.Amount));

        if (MaxUsages is < MinMaxUsages or > MaxMaxUsages)
            Check(Fields.MaxUsages, new(LinkProblems.MaxUsagesOutOfRange, $"Max usages must be between {MinMaxUsages} and {MaxMaxUsages:N0}.", MinMaxUsages, MaxMaxUsages));

        Check(Fields.RedirectUrl, RedirectUrl is null ? null : WebAddresses.ProblemOf(RedirectUrl, SettingName.RedirectUrl, RedirectUrlMaxLength));
        Check(Fields.DisabledMessage, DisabledMessage is null ? null : TextProblem(DisabledMessage, SettingName.Message, DisabledMessageMaxLength, multiline: true));

        if (CheckoutLanguage is not null && !CheckoutLanguageNames.IsKnown(CheckoutLanguage))
        {
            var known = string.Join(", ", CheckoutLanguageNames.All);
            Check(Fields.CheckoutLanguage, new(LinkProblems.CheckoutLanguageUnknown, $"Checkout language must be one of the checkout's: {known}; or none.", known));
        }

        errors.AddRange(CheckoutOptionErrors());
        return errors;
    }

    /// <summary>Longer than <paramref name="maxLength"/>, or with characters stored text may not have (<see cref="TextRules"/>).</summary>
    private static Problem? TextProblem(string text, SettingName what, int maxLength, bool multiline = false) =>
        text.Length > maxLength
            ? TextRules.TooLong(what, maxLength)
            : TextRules.ProblemOf(text, what, multiline);

    /// <summary>What is wrong with an amount in this currency, or null: above zero, under the ceiling, in minor units.</summary>
    public Problem? AmountProblem(decimal amount, SettingName what)
    {
        // The ceiling comes before the decimals check, which scales the amount and would overflow on a huge one.
        if (amount <= 0)
            return new(LinkProblems.AmountNotPositive, $"{what} must be greater than zero.", what);
        if (amount > MaxAmount)
            return new(LinkProblems.AmountTooHigh, $"{what} must be at most {MaxAmount:N0}.", what, MaxAmount);
        if (Currencies.IsKnown(Currency) && !Currencies.FitsMinorUnits(amount, Currency))
        {
            var digits = Currencies.MinorUnitDigits(Currency);
            return new(LinkProblems.AmountTooPrecise, $"{what} has more decimals than {Currency} allows ({digits}).", what, Currency, digits);
        }
        return null;
    }

    /// <summary>Whether <paramref name="other"/> has a different value for <paramref name="field"/>.</summary>
    public bool Differs(string field, LinkSettings other) => field switch
    {
        Fields.Title => Title != other.Title,
        Fields.Description => Description != other.Description,
        Fields.Amount => Amount != other.Amount,
        Fields.Currency => Currency != other.Currency,
        Fields.CustomerChoosesAmount => CustomerChoosesAmount != other.CustomerChoosesAmount,
        Fields.SuggestedAmount => SuggestedAmount != other.SuggestedAmount,
        Fields.MaximumAmount => MaximumAmount != other.MaximumAmount,
        Fields.MaxQuantity => MaxQuantity != other.MaxQuantity,
        Fields.MaxUsages => MaxUsages != other.MaxUsages,
        Fields.ExpiresAt => ExpiresAt != other.ExpiresAt,
        Fields.RedirectUrl => RedirectUrl != other.RedirectUrl,
        Fields.DisabledMessage => DisabledMessage != other.DisabledMessage,
        Fields.CustomerDetails => CustomerDetails != other.CustomerDetails,
        Fields.CustomFields => !CustomFields.SequenceEqual(other.CustomFields),
        Fields.CheckoutLanguage => CheckoutLanguage != other.CheckoutLanguage,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a setting."),
    };

    /// <summary>
    /// Equal when no setting differs, custom fields compared by value: the record's own equality would compare the
    /// list by reference, and two reads of an unchanged link would then differ (a list re-rendering every row, say).
    /// Every setting has an edit rule (a domain test holds the table to <see cref="Fields"/>).
    /// </summary>
    public bool Equals(LinkSettings? other) => other is not null && EditRules.ByField.Keys.All(field => !Differs(field, other));

    public override int GetHashCode() => HashCode.Combine(Title, Amount, Currency, MaxUsages, ExpiresAt, CustomFields.Count);

    /// <summary>Trims text, turns blank optional fields into none and writes the redirect URL in ASCII.</summary>
    public LinkSettings Normalized() => this with
    {
        Title = Title?.Trim() ?? "",
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Currency = Currency?.Trim().ToUpperInvariant() ?? "",
        RedirectUrl = string.IsNullOrWhiteSpace(RedirectUrl) ? null : WebAddresses.Ascii(RedirectUrl.Trim()),
        DisabledMessage = string.IsNullOrWhiteSpace(DisabledMessage) ? null : DisabledMessage.Trim(),
        CheckoutLanguage = string.IsNullOrWhiteSpace(CheckoutLanguage) ? null : CheckoutLanguage.Trim(),
        ExpiresAt = ExpiresAt?.ToUniversalTime(),
        SuggestedAmount = CustomerChoosesAmount ? SuggestedAmount : null,
        MaximumAmount = CustomerChoosesAmount ? MaximumAmount : null,
        CustomerDetails = CustomerDetails ?? new(),
        CustomFields = (CustomFields ?? []).Select(f => f.Normalized()).ToList(),
    };
}
