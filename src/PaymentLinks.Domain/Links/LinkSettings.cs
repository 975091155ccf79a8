using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>What a merchant configures on a link; the same shape for create and edit.</summary>
public sealed record LinkSettings
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 1000;
    public const int RedirectUrlMaxLength = 2000;
    public const int DisabledMessageMaxLength = 500;
    public const int MinMaxUsages = 1;
    public const int MaxMaxUsages = 1_000_000;
    public const int DefaultMaxUsages = 1_000;
    public const decimal MaxAmount = 1_000_000_000m;

    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public int MaxUsages { get; init; } = DefaultMaxUsages;
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? RedirectUrl { get; init; }
    public string? DisabledMessage { get; init; }

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
    }

    /// <summary>Checks each field on its own; state-dependent rules live on <see cref="PaymentLink"/>.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));

        if (string.IsNullOrWhiteSpace(Title))
            Add(Fields.Title, "Title is required.");
        else if (Title.Length > TitleMaxLength)
            Add(Fields.Title, $"Title must be at most {TitleMaxLength} characters.");
        else if (TextRules.Problem(Title, "Title") is { } titleError)
            Add(Fields.Title, titleError);

        if (Description is { Length: > DescriptionMaxLength })
            Add(Fields.Description, $"Description must be at most {DescriptionMaxLength} characters.");
        else if (Description is not null && TextRules.Problem(Description, "Description", multiline: true) is { } descriptionError)
            Add(Fields.Description, descriptionError);

        if (!Currencies.IsKnown(Currency))
            Add(Fields.Currency, "Currency must be an ISO 4217 code such as USD or EUR.");

        // The ceiling comes before the decimals check, which scales the amount and would overflow on a huge one.
        if (Amount <= 0)
            Add(Fields.Amount, "Amount must be greater than zero.");
        else if (Amount > MaxAmount)
            Add(Fields.Amount, $"Amount must be at most {MaxAmount:N0}.");
        else if (Currencies.IsKnown(Currency) && !Currencies.FitsMinorUnits(Amount, Currency))
            Add(Fields.Amount, $"Amount has more decimals than {Currency} allows ({Currencies.MinorUnitDigits(Currency)}).");

        if (MaxUsages is < MinMaxUsages or > MaxMaxUsages)
            Add(Fields.MaxUsages, $"Max usages must be between {MinMaxUsages} and {MaxMaxUsages:N0}.");

        if (RedirectUrl is not null && WebAddresses.Problem(RedirectUrl, "Redirect URL", RedirectUrlMaxLength) is { } redirectError)
            Add(Fields.RedirectUrl, redirectError);

        if (DisabledMessage is { Length: > DisabledMessageMaxLength })
            Add(Fields.DisabledMessage, $"Message must be at most {DisabledMessageMaxLength} characters.");
        else if (DisabledMessage is not null && TextRules.Problem(DisabledMessage, "Message", multiline: true) is { } messageError)
            Add(Fields.DisabledMessage, messageError);

        return errors;
    }

    /// <summary>Trims text and turns blank optional fields into none.</summary>
    public LinkSettings Normalized() => this with
    {
        Title = Title?.Trim() ?? "",
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Currency = Currency?.Trim().ToUpperInvariant() ?? "",
        RedirectUrl = string.IsNullOrWhiteSpace(RedirectUrl) ? null : RedirectUrl.Trim(),
        DisabledMessage = string.IsNullOrWhiteSpace(DisabledMessage) ? null : DisabledMessage.Trim(),
        ExpiresAt = ExpiresAt?.ToUniversalTime(),
    };
}
