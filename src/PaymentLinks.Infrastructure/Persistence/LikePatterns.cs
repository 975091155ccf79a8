namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>Patterns for <c>EF.Functions.Like(column.ToLower(), pattern, LikePatterns.Escape)</c>: a case-insensitive "contains".</summary>
public static class LikePatterns
{
    public const string Escape = "\\";

    /// <summary>
    /// Matches text containing <paramref name="term"/>, its wildcards taken literally; lower-cased, for a
    /// lower-cased column, since SQLite's LIKE ignores case and PostgreSQL's does not.
    /// </summary>
    public static string Containing(string term) =>
        "%" + term.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
