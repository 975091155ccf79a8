using System.Globalization;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using Names = PaymentLinks.Domain.Payments.CheckoutAnswers.Names;

namespace PaymentLinks.Domain.Payments;

/// <summary>
/// What one payment buys. Its amount is computed here from the link and the customer's bounded choices (a
/// quantity within the link's maximum, or an amount of their own at or above the link's minimum); nothing
/// else the browser sends can change it.
/// </summary>
public sealed record Order(int Quantity, long AmountMinor, string? Email, string? Name, string? Phone, IReadOnlyList<FieldAnswer> Answers)
{
    public const int EmailMaxLength = EmailAddresses.MaxLength;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int AnswerMaxLength = 200;

    /// <summary>Checks every answer against what <paramref name="link"/> asks; the refusal names each field at fault.</summary>
    public static Result<Order> From(PaymentLink link, CheckoutAnswers answers)
    {
        var errors = new List<FieldError>();
        void Check(string field, Problem? problem)
        {
            if (problem is not null)
                errors.Add(problem.At(field));
        }

        var quantity = 1;
        if (link.MaxQuantity is { } most)
            Check(Names.Quantity, QuantityProblem(answers.Quantity, most, out quantity));
        var amountMinor = link.AmountMinor * quantity;
        if (link.CustomerChoosesAmount)
            Check(Names.Amount, ChosenAmountProblem(link, answers, out amountMinor));

        var details = link.CustomerDetails;
        var email = Clean(answers.Email);
        Check(Names.Email, DetailProblem(details.Email, email, DetailName.Email, EmailMaxLength) ?? (email is null ? null : EmailProblem(email)));
        var name = Clean(answers.Name);
        Check(Names.Name, DetailProblem(details.Name, name, DetailName.Name, NameMaxLength));
        var phone = Clean(answers.Phone) is { } typedPhone ? WesternDigits.Of(typedPhone) : null;
        Check(Names.Phone, DetailProblem(details.Phone, phone, DetailName.Phone, PhoneMaxLength) ?? (phone is null ? null : PhoneProblem(phone)));

        var given = new List<FieldAnswer>();
        for (var i = 0; i < link.CustomFields.Count; i++)
        {
            var field = link.CustomFields[i];
            var typed = Clean(i < answers.Fields.Count ? answers.Fields[i] : null);
            var answer = typed is not null && field.Kind == CustomFieldKind.Number ? WesternDigits.Of(typed) : typed;
            Check(Names.Field(i), CustomAnswerProblem(field, answer));
            if (answer is not null)
                given.Add(new FieldAnswer(field.Label, answer));
        }

        if (errors.Count > 0)
            return Refusal.Invalid(errors);
        return new Order(quantity, amountMinor,
            details.Email == DetailMode.Off ? null : email, details.Name == DetailMode.Off ? null : name,
            details.Phone == DetailMode.Off ? null : phone, given);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Problem? QuantityProblem(string? text, int most, out int quantity)
    {
        quantity = 1;
        if (!int.TryParse(text is null ? null : WesternDigits.Of(text.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) || chosen < 1 || chosen > most)
            return new(AnswerProblems.QuantityOutOfRange, $"Choose a quantity from 1 to {most}.", most);
        quantity = chosen;
        return null;
    }

    private static Problem? ChosenAmountProblem(PaymentLink link, CheckoutAnswers answers, out long amountMinor)
    {
        amountMinor = 0;
        var minimum = new MoneyAmount(link.Amount, link.Currency);
        if (AmountText.Read(answers.Amount, answers.DecimalSeparator) is not { } amount)
            return new(AnswerProblems.AmountUnreadable,
                $"Enter an amount of at least {minimum}, such as {link.Amount.ToString(CultureInfo.InvariantCulture)}.", minimum, link.Amount);
        if (amount < link.Amount)
            return new(AnswerProblems.AmountTooLow, $"The amount must be at least {minimum}.", minimum);
        var highest = new MoneyAmount(link.HighestChosenAmount, link.Currency);
        if (amount > highest.Amount)
            return new(AnswerProblems.AmountTooHigh, $"The amount must be at most {highest}.", highest);
        if (!Currencies.FitsMinorUnits(amount, link.Currency))
        {
            var digits = Currencies.MinorUnitDigits(link.Currency);
            return new(AnswerProblems.AmountTooPrecise, $"{link.Currency} amounts have at most {digits} decimals.", link.Currency, digits);
        }
        amountMinor = Currencies.ToMinorUnits(amount, link.Currency);
        return null;
    }

    private static Problem? DetailProblem(DetailMode mode, string? value, DetailName what, int maxLength) => mode switch
    {
        DetailMode.Off => null,
        DetailMode.Required when value is null => TextRules.Required(what),
        _ when value is null => null,
        _ => TextProblemOf(value, what, maxLength),
    };

    /// <summary>Too long, or with characters no answer may have; <paramref name="what"/> names the field in the message.</summary>
    private static Problem? TextProblemOf(string value, object what, int maxLength) =>
        value.Length > maxLength
            ? TextRules.TooLong(what, maxLength)
            : TextRules.ProblemOf(value, what);

    private static Problem? EmailProblem(string email) =>
        EmailAddresses.IsValid(email) ? null : new(AnswerProblems.EmailInvalid, "Enter an email address such as name@example.com.");

    private static Problem? PhoneProblem(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        var valid = phone.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.' || (c == '+' && i == 0)).All(ok => ok)
            && digits is >= 6 and <= 15;
        return valid ? null : new(AnswerProblems.PhoneInvalid, "Enter a phone number of 6 to 15 digits, such as +44 20 7946 0958.");
    }

    private static Problem? CustomAnswerProblem(CustomField field, string? answer)
    {
        if (answer is null)
            return field.Required ? TextRules.Required(field.Label) : null;
        return field.Kind switch
        {
            CustomFieldKind.Number when answer.Length > 20
                || !decimal.TryParse(answer, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) =>
                new(AnswerProblems.NotANumber, $"{field.Label} must be a number, such as 42 or 3.5.", field.Label),
            CustomFieldKind.Choice when !field.Options.Contains(answer) =>
                new(AnswerProblems.NotAnOption, $"Choose one of the options for {field.Label}.", field.Label),
            CustomFieldKind.Text => TextProblemOf(answer, field.Label, AnswerMaxLength),
            _ => null,
        };
    }
}
