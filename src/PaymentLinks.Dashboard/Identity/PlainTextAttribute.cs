using System.ComponentModel.DataAnnotations;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>Form text that follows <see cref="TextRules"/>: no control or text-direction characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is string text && TextRules.Problem(text, context.DisplayName) is { } problem
            ? new ValidationResult(problem, context.MemberName is { } member ? [member] : [])
            : ValidationResult.Success;
}
