using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>What a link asks of the customer: the checks on quantity, a chosen amount, details and custom fields.</summary>
public sealed partial record LinkSettings
{
    public const int MaxMaxQuantity = 99;

    private IEnumerable<FieldError> CheckoutOptionErrors()
    {
        var maximumError = false;
        if (MaximumAmount is { } maximum)
        {
            maximumError = true;
            if (AmountProblem(maximum, "Maximum amount") is { } problem)
                yield return new(Fields.MaximumAmount, problem);
            else if (maximum < Amount)
                yield return new(Fields.MaximumAmount, "Maximum amount must not be below the minimum amount.");
            else
                maximumError = false;
        }

        if (SuggestedAmount is { } suggested)
        {
            if (AmountProblem(suggested, "Suggested amount") is { } problem)
                yield return new(Fields.SuggestedAmount, problem);
            else if (suggested < Amount)
                yield return new(Fields.SuggestedAmount, "Suggested amount must not be below the minimum amount.");
            else if (!maximumError && suggested > HighestChosenAmount)
                yield return new(Fields.SuggestedAmount, $"Suggested amount must not be above the maximum amount ({Money.Format(HighestChosenAmount, Currency)}).");
        }

        if (MaxQuantity is { } most)
        {
            if (CustomerChoosesAmount)
                yield return new(Fields.MaxQuantity, "Quantity cannot be combined with an amount the customer chooses.");
            else if (most is < 2 or > MaxMaxQuantity)
                yield return new(Fields.MaxQuantity, $"Max quantity must be between 2 and {MaxMaxQuantity}.");
            else if (Amount > 0 && Amount * most > MaxAmount)
                yield return new(Fields.MaxQuantity, $"Amount × max quantity must be at most {MaxAmount:N0}.");
        }

        if (!Enum.IsDefined(CustomerDetails.Email) || !Enum.IsDefined(CustomerDetails.Name) || !Enum.IsDefined(CustomerDetails.Phone))
            yield return new(Fields.CustomerDetails, "Each customer detail must be off, optional or required.");

        if (CustomFields.Count > CustomField.MaxCount)
        {
            yield return new(Fields.CustomFields, $"A link can ask at most {CustomField.MaxCount} questions of its own.");
            yield break;
        }
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < CustomFields.Count; i++)
        {
            foreach (var error in CustomFieldErrors(i, CustomFields[i]))
                yield return error;
            if (!string.IsNullOrEmpty(CustomFields[i].Label) && !labels.Add(CustomFields[i].Label))
                yield return new(Fields.CustomField(i, "label"), "Two questions cannot have the same label.");
        }
    }

    private static IEnumerable<FieldError> CustomFieldErrors(int index, CustomField field)
    {
        var label = Fields.CustomField(index, "label");
        if (string.IsNullOrEmpty(field.Label))
            yield return new(label, "Label is required.");
        else if (field.Label.Length > CustomField.LabelMaxLength)
            yield return new(label, $"Label must be at most {CustomField.LabelMaxLength} characters.");
        else if (TextRules.Problem(field.Label, "Label") is { } labelError)
            yield return new(label, labelError);

        if (!Enum.IsDefined(field.Kind))
        {
            yield return new(Fields.CustomField(index, "kind"), "Kind must be text, number or choice.");
            yield break;
        }
        var options = Fields.CustomField(index, "options");
        if (field.Kind != CustomFieldKind.Choice)
        {
            if (field.Options.Count > 0)
                yield return new(options, "Only a choice has options.");
            yield break;
        }
        if (field.Options.Count is < CustomField.MinOptions or > CustomField.MaxOptions)
            yield return new(options, $"A choice needs {CustomField.MinOptions} to {CustomField.MaxOptions} options.");
        else if (field.Options.Any(string.IsNullOrEmpty))
            yield return new(options, "Options cannot be empty.");
        else if (field.Options.Any(o => o.Length > CustomField.OptionMaxLength))
            yield return new(options, $"Each option must be at most {CustomField.OptionMaxLength} characters.");
        else if (field.Options.Select(o => TextRules.Problem(o, "An option")).FirstOrDefault(p => p is not null) is { } optionError)
            yield return new(options, optionError);
        else if (field.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != field.Options.Count)
            yield return new(options, "Options must differ from each other.");
    }
}
