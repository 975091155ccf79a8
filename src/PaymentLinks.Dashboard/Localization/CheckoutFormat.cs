using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>Amounts, times and messages as the customer's language writes them (the request's culture).</summary>
public static class CheckoutFormat
{
    // Text in any script stays as it is; only what HTML itself needs is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Money(decimal amount, string currency) =>
        Domain.Links.Money.Format(amount, currency, CultureInfo.CurrentCulture);

    /// <summary>An instant in the merchant's time zone, named, in the customer's words: "Montag, 7. Dezember 2026 15:30 (Europe/Berlin)".</summary>
    public static string When(DateTimeOffset instant, string timeZoneId) =>
        Infrastructure.LocalTimes.Format(instant, timeZoneId, CultureInfo.CurrentCulture);

    /// <summary>
    /// A sentence of the customer's language with other words set in it (a business name, an amount), each isolated
    /// (<c>bdi</c>) so that a Hebrew name in an English sentence, or an amount in an Arabic one, keeps its own direction.
    /// </summary>
    public static MarkupString Sentence(LocalizedString sentence, params string[] inserted) =>
        new(string.Format(CultureInfo.CurrentCulture, Encoder.Encode(sentence.Value),
            inserted.Select(words => (object)$"<bdi>{Encoder.Encode(words)}</bdi>").ToArray()));

    /// <summary>Each refused field's message, one per field, in the customer's language where the domain gave its code.</summary>
    public static IReadOnlyDictionary<string, string> Messages(IEnumerable<FieldError> errors, IStringLocalizer<CheckoutText> text) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => Message(g.First(), text));

    private static string Message(FieldError error, IStringLocalizer<CheckoutText> text) =>
        error.Code is null ? error.Message : text[$"Problem.{error.Code}", error.Values.Select(value => Said(value, text)).ToArray()];

    private static object Said(object value, IStringLocalizer<CheckoutText> text) => value switch
    {
        DetailName.Email => text["Field.Email"].Value,
        DetailName.Name => text["Field.Name"].Value,
        DetailName.Phone => text["Field.Phone"].Value,
        MoneyAmount amount => Money(amount.Amount, amount.Currency),
        IFormattable number => number.ToString(null, CultureInfo.CurrentCulture),
        _ => value,
    };
}
