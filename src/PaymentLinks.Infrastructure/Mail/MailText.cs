using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>The plain-text alternative of a message: paragraphs separated by blank lines, facts as "label: value" lines.</summary>
internal static class MailText
{
    public const string TestNote = "Test mode: no money moved.";

    public static string Of(params string?[] paragraphs) =>
        string.Join("\n\n", paragraphs.Where(p => !string.IsNullOrWhiteSpace(p))) + "\n";

    public static string Rows(IEnumerable<(string Label, string Value)> rows) =>
        string.Join("\n", rows.Select(r => $"{r.Label}: {r.Value}"));

    /// <summary>
    /// Facts as the reader's language writes "label: value" (<c>Common.Row</c>: "Montant : …", "金額：…"), each value
    /// isolated (FSI … PDI) in a right-to-left language, so that a Latin title or an amount keeps its own direction.
    /// </summary>
    public static string Rows(IEnumerable<(string Label, string Value)> rows, IStringLocalizer words)
    {
        var isolate = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
        return string.Join("\n", rows.Select(r => words["Common.Row", r.Label, isolate ? $"\u2068{r.Value}\u2069" : r.Value].Value));
    }

    public static string Link(string label, string url) => $"{label}:\n{url}";
}
