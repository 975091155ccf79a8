using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>Form text that follows <see cref="TextRules"/>: no control or text-direction characters; refused in the page's language.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is string text && TextRules.Check(text) is { } problem
            ? new ValidationResult(string.Format(CultureInfo.CurrentCulture, AccountText.Validation.PlainText(problem), context.DisplayName),
                context.MemberName is { } member ? [member] : [])
            : ValidationResult.Success;
}
