namespace PaymentLinks.Domain.Payments;

/// <summary>
/// What can be wrong with an answer on the pay page, as codes: the checkout says each in the customer's language, with
/// the values the <see cref="Common.FieldError"/> carries in the order given here; the API says it in English.
/// </summary>
public static class AnswerProblems
{
    /// <summary>Values: the largest quantity.</summary>
    public const string QuantityOutOfRange = "quantity_out_of_range";

    /// <summary>Values: the smallest amount (<see cref="Links.MoneyAmount"/>), the same as a plain number for an example.</summary>
    public const string AmountUnreadable = "amount_unreadable";

    /// <summary>Values: the smallest amount.</summary>
    public const string AmountTooLow = "amount_too_low";

    /// <summary>Values: the largest amount.</summary>
    public const string AmountTooHigh = "amount_too_high";

    /// <summary>Values: the currency's code, its number of decimals.</summary>
    public const string AmountTooPrecise = "amount_too_precise";

    /// <summary>Values, here and below: the field (<see cref="DetailName"/> or the merchant's label); then its longest length.</summary>
    public const string Required = Common.TextRules.RequiredCode;
    public const string TooLong = Common.TextRules.TooLongCode;
    public const string InvalidCharacter = Common.TextRules.InvalidCharacterCode;
    public const string DirectionControls = Common.TextRules.DirectionControlsCode;
    public const string ControlCharacters = Common.TextRules.ControlCharactersCode;
    public const string NotANumber = "not_a_number";
    public const string NotAnOption = "not_an_option";

    /// <summary>No values.</summary>
    public const string EmailInvalid = "email_invalid";
    public const string PhoneInvalid = "phone_invalid";

    public static IReadOnlyList<string> All { get; } =
    [
        QuantityOutOfRange, AmountUnreadable, AmountTooLow, AmountTooHigh, AmountTooPrecise, Required, TooLong, InvalidCharacter,
        DirectionControls, ControlCharacters, NotANumber, NotAnOption, EmailInvalid, PhoneInvalid,
    ];
}

/// <summary>One of the customer's own details, as a message names it.</summary>
public enum DetailName
{
    Email,
    Name,
    Phone,
}
