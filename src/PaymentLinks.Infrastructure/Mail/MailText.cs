namespace PaymentLinks.Infrastructure.Mail;

/// <summary>The plain-text alternative of a message: paragraphs separated by blank lines, facts as "label: value" lines.</summary>
internal static class MailText
{
    public const string TestNote = "Test mode: no money moved.";

    public static string Of(params string?[] paragraphs) =>
        string.Join("\n\n", paragraphs.Where(p => !string.IsNullOrWhiteSpace(p))) + "\n";

    public static string Rows(IEnumerable<(string Label, string Value)> rows) =>
        string.Join("\n", rows.Select(r => $"{r.Label}: {r.Value}"));

    public static string Link(string label, string url) => $"{label}:\n{url}";
}
