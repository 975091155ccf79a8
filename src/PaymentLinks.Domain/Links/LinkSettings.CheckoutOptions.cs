using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>What a link asks of the customer: the checks on quantity, a chosen amount, details and custom fields.</summary>
public sealed partial record LinkSettings
{
    public const int MaxMaxQuantity = 99;

    private IEnumerable<FieldError> CheckoutOptionErrors() =>
        CheckoutOptionProblems().Select(problem => problem.Problem.At(problem.Field));

    private IEnumerable<(string Field, Problem Problem)> CheckoutOptionProblems()
    {
        var maximumError = false;
        if (MaximumAmount is { } maximum)
        {
            maximumError = true;
            if (AmountProblem(maximum, SettingName.MaximumAmount) is { } problem)
                yield return (Fields.MaximumAmount, problem);
            else if (maximum < Amount)
                yield return (Fields.MaximumAmount, new(LinkProblems.MaximumBelowMinimum, "Maximum amount must not be below the minimum amount."));
            else
                maximumError = false;
        }

        if (SuggestedAmount is { } suggested)
        {
            var highest = new MoneyAmount(HighestChosenAmount, Currency);
            if (AmountProblem(suggested, SettingName.SuggestedAmount) is { } problem)
                yield return (Fields.SuggestedAmount, problem);
            else if (suggested < Amount)
                yield return (Fields.SuggestedAmount, new(LinkProblems.SuggestedBelowMinimum, "Suggested amount must not be below the minimum amount."));
            else if (!maximumError && suggested > HighestChosenAmount)
                yield return (Fields.SuggestedAmount, new(LinkProblems.SuggestedAboveMaximum, $"Suggested amount must not be above the maximum amount ({highest}).", highest));
        }

        if (MaxQuantity is { } most)
        {
            if (CustomerChoosesAmount)
                yield return (Fields.MaxQuantity, new(LinkProblems.QuantityWithChosenAmount, "Quantity cannot be combined with an amount the customer chooses."));
            else if (most is < 2 or > MaxMaxQuantity)
                yield return (Fields.MaxQuantity, new(LinkProblems.MaxQuantityOutOfRange, $"Max quantity must be between 2 and {MaxMaxQuantity}.", 2, MaxMaxQuantity));
            else if (Amount > 0 && Amount * most > MaxAmount)
                yield return (Fields.MaxQuantity, new(LinkProblems.QuantityTotalTooHigh, $"Amount × max quantity must be at most {MaxAmount:N0}.", MaxAmount));
        }

        if (!Enum.IsDefined(CustomerDetails.Email) || !Enum.IsDefined(CustomerDetails.Name) || !Enum.IsDefined(CustomerDetails.Phone))
            yield return (Fields.CustomerDetails, new(LinkProblems.CustomerDetailUnknown, "Each customer detail must be off, optional or required."));

        if (CustomFields.Count > CustomField.MaxCount)
        {
            yield return (Fields.CustomFields, new(LinkProblems.TooManyQuestions, $"A link can ask at most {CustomField.MaxCount} questions of its own.", CustomField.MaxCount));
            yield break;
        }
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < CustomFields.Count; i++)
        {
            foreach (var problem in CustomFieldProblems(i, CustomFields[i]))
                yield return problem;
            if (!string.IsNullOrEmpty(CustomFields[i].Label) && !labels.Add(CustomFields[i].Label))
                yield return (Fields.CustomField(i, "label"), new(LinkProblems.LabelRepeated, "Two questions cannot have the same label."));
        }
    }

    private static IEnumerable<(string Field, Problem Problem)> CustomFieldProblems(int index, CustomField field)
    {
        var label = Fields.CustomField(index, "label");
        if (string.IsNullOrEmpty(field.Label))
            yield return (label, TextRules.Required(SettingName.Label));
        else if (TextProblem(field.Label, SettingName.Label, CustomField.LabelMaxLength) is { } labelProblem)
            yield return (label, labelProblem);

        if (!Enum.IsDefined(field.Kind))
        {
            yield return (Fields.CustomField(index, "kind"), new(LinkProblems.KindUnknown, "Kind must be text, number or choice."));
            yield break;
        }
        var options = Fields.CustomField(index, "options");
        if (field.Kind != CustomFieldKind.Choice)
        {
            if (field.Options.Count > 0)
                yield return (options, new(LinkProblems.OptionsOnlyForChoice, "Only a choice has options."));
            yield break;
        }
        if (OptionsProblem(field.Options) is { } optionsProblem)
            yield return (options, optionsProblem);
    }

    private static Problem? OptionsProblem(IReadOnlyList<string> options)
    {
        if (options.Count is < CustomField.MinOptions or > CustomField.MaxOptions)
            return new(LinkProblems.OptionCount, $"A choice needs {CustomField.MinOptions} to {CustomField.MaxOptions} options.", CustomField.MinOptions, CustomField.MaxOptions);
        if (options.Any(string.IsNullOrEmpty))
            return new(LinkProblems.OptionEmpty, "Options cannot be empty.");
        if (options.Any(o => o.Length > CustomField.OptionMaxLength))
            return new(LinkProblems.OptionTooLong, $"Each option must be at most {CustomField.OptionMaxLength} characters.", CustomField.OptionMaxLength);
        if (options.Select(o => TextRules.ProblemOf(o, SettingName.Option)).FirstOrDefault(p => p is not null) is { } optionProblem)
            return optionProblem;
        return options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count
            ? new(LinkProblems.OptionsRepeated, "Options must differ from each other.")
            : null;
    }
}
