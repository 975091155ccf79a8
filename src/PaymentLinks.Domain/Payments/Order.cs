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
        void Check(string field, string? problem)
        {
            if (problem is not null)
                errors.Add(new FieldError(field, problem));
        }

        var quantity = 1;
        if (link.MaxQuantity is { } most)
            Check(Names.Quantity, QuantityProblem(answers.Quantity, most, out quantity));
        var amountMinor = link.AmountMinor * quantity;
        if (link.CustomerChoosesAmount)
            Check(Names.Amount, ChosenAmountProblem(link, answers.Amount, out amountMinor));

        var details = link.CustomerDetails;
        var email = Clean(answers.Email);
        Check(Names.Email, DetailProblem(details.Email, email, "Email", EmailMaxLength) ?? (email is null ? null : EmailProblem(email)));
        var name = Clean(answers.Name);
        Check(Names.Name, DetailProblem(details.Name, name, "Name", NameMaxLength));
        var phone = Clean(answers.Phone);
        Check(Names.Phone, DetailProblem(details.Phone, phone, "Phone", PhoneMaxLength) ?? (phone is null ? null : PhoneProblem(phone)));

        var given = new List<FieldAnswer>();
        for (var i = 0; i < link.CustomFields.Count; i++)
        {
            var field = link.CustomFields[i];
            var answer = Clean(i < answers.Fields.Count ? answers.Fields[i] : null);
            Check(Names.Field(i), AnswerProblem(field, answer));
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

    private static string? QuantityProblem(string? text, int most, out int quantity)
    {
        quantity = 1;
        if (!int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) || chosen < 1 || chosen > most)
            return $"Choose a quantity from 1 to {most}.";
        quantity = chosen;
        return null;
    }

    private static string? ChosenAmountProblem(PaymentLink link, string? text, out long amountMinor)
    {
        amountMinor = 0;
        var minimum = Money.Format(link.Amount, link.Currency);
        if (AmountText.Read(text) is not { } amount)
            return $"Enter an amount of at least {minimum}, such as {link.Amount.ToString(CultureInfo.InvariantCulture)}.";
        if (amount < link.Amount)
            return $"The amount must be at least {minimum}.";
        var highest = link.HighestChosenAmount;
        if (amount > highest)
            return $"The amount must be at most {Money.Format(highest, link.Currency)}.";
        if (!Currencies.FitsMinorUnits(amount, link.Currency))
            return $"{link.Currency} amounts have at most {Currencies.MinorUnitDigits(link.Currency)} decimals.";
        amountMinor = Currencies.ToMinorUnits(amount, link.Currency);
        return null;
    }

    private static string? DetailProblem(DetailMode mode, string? value, string what, int maxLength) => mode switch
    {
        DetailMode.Off => null,
        DetailMode.Required when value is null => $"{what} is required.",
        _ when value is null => null,
        _ when value.Length > maxLength => $"{what} must be at most {maxLength} characters.",
        _ => TextRules.Problem(value, what),
    };

    private static string? EmailProblem(string email) =>
        EmailAddresses.IsValid(email) ? null : "Enter an email address such as name@example.com.";

    private static string? PhoneProblem(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        var valid = phone.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.' || (c == '+' && i == 0)).All(ok => ok)
            && digits is >= 6 and <= 15;
        return valid ? null : "Enter a phone number of 6 to 15 digits, such as +44 20 7946 0958.";
    }

    private static string? AnswerProblem(CustomField field, string? answer)
    {
        if (answer is null)
            return field.Required ? $"{field.Label} is required." : null;
        return field.Kind switch
        {
            CustomFieldKind.Number when answer.Length > 20
                || !decimal.TryParse(answer, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) =>
                $"{field.Label} must be a number, such as 42 or 3.5.",
            CustomFieldKind.Choice when !field.Options.Contains(answer) => $"Choose one of the options for {field.Label}.",
            CustomFieldKind.Text when answer.Length > AnswerMaxLength => $"{field.Label} must be at most {AnswerMaxLength} characters.",
            CustomFieldKind.Text => TextRules.Problem(answer, field.Label),
            _ => null,
        };
    }
}
