using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TitleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Title search by trigrams (LinkTitleSearch): the contains-LIKE on lower("Title") uses this index.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX "IX_PaymentLinks_Title_trigrams" ON "PaymentLinks" USING gin (lower("Title") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_PaymentLinks_Title_trigrams";""");
        }
    }
}
