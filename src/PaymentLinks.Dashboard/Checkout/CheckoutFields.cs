using System.Globalization;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using Names = PaymentLinks.Domain.Payments.CheckoutAnswers.Names;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>The pay form's fields: reading what was posted, and tying each input to its hint and message.</summary>
public static class CheckoutFields
{
    /// <summary>The submit button that only recomputes the total (quantity changed) instead of paying.</summary>
    public const string ReviewIntent = "review";

    public static CheckoutAnswers Read(IFormCollection form, int customFieldCount) => new()
    {
        Quantity = form[Names.Quantity],
        Amount = form[Names.Amount],
        // Arabic's own decimal separator is typed as a point (AmountText reads it so).
        DecimalSeparator = CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator is "," ? "," : ".",
        Email = form[Names.Email],
        Name = form[Names.Name],
        Phone = form[Names.Phone],
        Fields = Enumerable.Range(0, customFieldCount).Select(i => (string?)form[Names.Field(i)].ToString()).ToList(),
    };

    public static bool IsReview(IFormCollection form) => form["intent"] == ReviewIntent;

    /// <summary>The ids an input's <c>aria-describedby</c> names: its hint and its message, when there are.</summary>
    public static string? DescribedBy(string name, string? hint, string? error)
    {
        var ids = new[] { hint is null ? null : $"{name}-hint", error is null ? null : $"{name}-error" }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
