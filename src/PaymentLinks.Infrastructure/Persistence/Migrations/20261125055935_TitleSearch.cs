using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TitleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Title search by trigrams (LinkTitleSearch): an FTS5 index over PaymentLinks' titles, kept by triggers.
            // It points at rows by rowid, as the link counts' triggers hang on the table: a later migration that
            // rebuilds PaymentLinks (EF's way to alter a SQLite column) must create both again and 'rebuild' this one.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "PaymentLinkTitles" USING fts5(
                    "Title", content = 'PaymentLinks', content_rowid = 'rowid', tokenize = 'trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_titles_insert" AFTER INSERT ON "PaymentLinks" BEGIN
                    INSERT INTO "PaymentLinkTitles" (rowid, "Title") VALUES (NEW.rowid, NEW."Title");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_titles_update" AFTER UPDATE OF "Title" ON "PaymentLinks" BEGIN
                    INSERT INTO "PaymentLinkTitles" ("PaymentLinkTitles", rowid, "Title") VALUES ('delete', OLD.rowid, OLD."Title");
                    INSERT INTO "PaymentLinkTitles" (rowid, "Title") VALUES (NEW.rowid, NEW."Title");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_titles_delete" AFTER DELETE ON "PaymentLinks" BEGIN
                    INSERT INTO "PaymentLinkTitles" ("PaymentLinkTitles", rowid, "Title") VALUES ('delete', OLD.rowid, OLD."Title");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "PaymentLinkTitles" ("PaymentLinkTitles") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_titles_insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_titles_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_titles_delete";""");
            migrationBuilder.Sql("""DROP TABLE "PaymentLinkTitles";""");
        }
    }
}
