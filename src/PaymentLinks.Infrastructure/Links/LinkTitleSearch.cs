using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>
/// Links whose title contains a term, whatever its case, or whose public id is the term, found through an index of
/// title trigrams: on SQLite the FTS5 table PaymentLinkTitles (kept by triggers), on PostgreSQL a pg_trgm index on
/// lower(Title), which serves the very LIKE written here. A term shorter than a trigram has none to look up and is
/// matched by reading the merchant's titles.
/// </summary>
internal static class LinkTitleSearch
{
    private const int TrigramLength = 3;

    public static IQueryable<PaymentLink> Matching(this IQueryable<PaymentLink> links, AppDbContext db, string term)
    {
        if (db.Database.GetDbConnection() is SqliteConnection && term.Length >= TrigramLength)
        {
            // One FTS5 phrase: its trigrams in a row, i.e. the term as a substring; quotes inside are doubled.
            var phrase = "\"" + term.Replace("\"", "\"\"") + "\"";
            var matches = db.Database.SqlQuery<Guid>($"""
                SELECT p."Id" AS "Value" FROM "PaymentLinkTitles" t JOIN "PaymentLinks" p ON p.rowid = t.rowid
                WHERE "PaymentLinkTitles" MATCH {phrase}
                """);
            return links.Where(l => matches.Contains(l.Id) || l.PublicId == term);
        }
        var pattern = LikePatterns.Containing(term);
        return links.Where(l => EF.Functions.Like(l.Title.ToLower(), pattern, LikePatterns.Escape) || l.PublicId == term);
    }
}
