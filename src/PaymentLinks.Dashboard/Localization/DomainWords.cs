using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>
/// Says what the domain refused in the dashboard's language: by the problem's code and values where the domain gave
/// them (<see cref="Problem"/>), else (or for a code these words do not know yet) as the domain's English message.
/// </summary>
public sealed partial class DomainWords(IStringLocalizer<ProblemsText> text, IStringLocalizer<IntegrationText> roles)
{
    public string Say(FieldError error) => Said(error.Code, error.Values) ?? error.Message;

    public string Say(Problem problem) => Said(problem.Code, problem.Values) ?? problem.Message;

    public string Say(Refusal refusal) => Said(refusal.ProblemCode, refusal.Values) ?? refusal.Message;

    /// <summary>The refusal's first field message, or else the refusal's own (a form with one field in question).</summary>
    public string SayFirst(Refusal refusal) => refusal.Fields.Count > 0 ? Say(refusal.Fields[0]) : Say(refusal);

    private string? Said(string? code, IReadOnlyList<object> values)
    {
        if (code is null)
            return null;
        // A sentence that names more values than the domain gave would not format: the English is said instead.
        var sentence = text[$"Problem.{code}"];
        if (sentence.ResourceNotFound || Placeholders(sentence.Value) > values.Count)
            return null;
        return string.Format(CultureInfo.CurrentCulture, sentence.Value, values.Select(Value).ToArray());
    }

    private static int Placeholders(string sentence) => PlaceholderPattern().Matches(sentence).Select(m => int.Parse(m.Groups[1].Value) + 1).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();

    private object Value(object value) => value switch
    {
        SettingName setting => text[$"Setting.{setting.Key}"] is { ResourceNotFound: false } name ? name.Value : setting.English,
        LinkStatus status => status.ToDisplayName(),
        MemberRole role => roles.RoleName(role),
        MoneyAmount amount => amount.ToString(), // as the dashboard writes every amount: "25.00 EUR"
        int or long or decimal => ((IFormattable)value).ToString("N0", CultureInfo.CurrentCulture),
        _ => value,
    };
}
