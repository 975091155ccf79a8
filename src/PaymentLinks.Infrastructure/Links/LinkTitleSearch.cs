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

    /// <summary>The links matching <paramref name="term"/>, every merchant's: the caller adds its own filters.</summary>
    public static IQueryable<PaymentLink> Matching(AppDbContext db, string term)
    {
        if (db.Database.GetDbConnection() is SqliteConnection && term.Length >= TrigramLength)
        {
            // One FTS5 phrase: its trigrams in a row, i.e. the term as a substring; quotes inside are doubled. The
            // matches are the query's source, so SQLite reads them, not every link of the merchant to test each.
            var phrase = "\"" + term.Replace("\"", "\"\"") + "\"";
            return db.PaymentLinks.FromSql($"""
                SELECT p.* FROM "PaymentLinkTitles" t JOIN "PaymentLinks" p ON p.rowid = t.rowid
                WHERE "PaymentLinkTitles" MATCH {phrase}
                UNION SELECT * FROM "PaymentLinks" WHERE "PublicId" = {term}
                """);
        }
        var pattern = LikePatterns.Containing(term);
        return db.PaymentLinks.Where(l => EF.Functions.Like(l.Title.ToLower(), pattern, LikePatterns.Escape) || l.PublicId == term);
    }
}
