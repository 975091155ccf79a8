using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LinkCountsPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Inserts and deletes are counted once per statement rather than once per row: a statement that writes many
            // links (a copy from SQLite, a bulk load) made one counter row a new version per link, all in one
            // transaction, and each update walked the versions before it, so large loads took quadratic time.
            migrationBuilder.Sql("""
                DROP TRIGGER payment_links_count ON "PaymentLinks";
                CREATE FUNCTION payment_links_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count")
                        SELECT "MerchantId", "Status", COUNT(*) FROM inserted GROUP BY "MerchantId", "Status" ORDER BY "MerchantId", "Status"
                        ON CONFLICT ("MerchantId", "Status") DO UPDATE SET "Count" = "MerchantLinkCounts"."Count" + EXCLUDED."Count";
                    ELSE
                        UPDATE "MerchantLinkCounts" c SET "Count" = c."Count" - d.n
                        FROM (SELECT "MerchantId", "Status", COUNT(*) AS n FROM deleted GROUP BY "MerchantId", "Status") d
                        WHERE c."MerchantId" = d."MerchantId" AND c."Status" = d."Status";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER payment_links_count_insert AFTER INSERT ON "PaymentLinks"
                    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION payment_links_count_rows();
                CREATE TRIGGER payment_links_count_delete AFTER DELETE ON "PaymentLinks"
                    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION payment_links_count_rows();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER payment_links_count_insert ON "PaymentLinks";
                DROP TRIGGER payment_links_count_delete ON "PaymentLinks";
                DROP FUNCTION payment_links_count_rows();
                CREATE TRIGGER payment_links_count AFTER INSERT OR DELETE ON "PaymentLinks"
                    FOR EACH ROW EXECUTE FUNCTION payment_links_keep_counts();
                """);
        }
    }
}
