using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LinkCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MerchantLinkCounts",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantLinkCounts", x => new { x.MerchantId, x.Status });
                    table.ForeignKey(
                        name: "FK_MerchantLinkCounts_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
            // Kept by the database itself, in the transaction of every write to PaymentLinks, whichever code makes it.
            // A status change touches its two counter rows in status-name order, so that transactions changing links
            // of one merchant queue for them rather than deadlock.
            migrationBuilder.Sql("""
                CREATE FUNCTION merchant_link_count_add(merchant uuid, status text, delta integer) RETURNS void
                LANGUAGE sql AS $$
                    INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count") VALUES (merchant, status, delta)
                    ON CONFLICT ("MerchantId", "Status") DO UPDATE SET "Count" = "MerchantLinkCounts"."Count" + delta
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION payment_links_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM merchant_link_count_add(NEW."MerchantId", NEW."Status", 1);
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM merchant_link_count_add(OLD."MerchantId", OLD."Status", -1);
                    ELSIF OLD."Status" < NEW."Status" THEN
                        PERFORM merchant_link_count_add(OLD."MerchantId", OLD."Status", -1);
                        PERFORM merchant_link_count_add(NEW."MerchantId", NEW."Status", 1);
                    ELSE
                        PERFORM merchant_link_count_add(NEW."MerchantId", NEW."Status", 1);
                        PERFORM merchant_link_count_add(OLD."MerchantId", OLD."Status", -1);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER payment_links_count AFTER INSERT OR DELETE ON "PaymentLinks"
                    FOR EACH ROW EXECUTE FUNCTION payment_links_keep_counts();
                CREATE TRIGGER payment_links_count_status AFTER UPDATE OF "Status" ON "PaymentLinks"
                    FOR EACH ROW WHEN (OLD."Status" IS DISTINCT FROM NEW."Status") EXECUTE FUNCTION payment_links_keep_counts();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count")
                SELECT "MerchantId", "Status", COUNT(*) FROM "PaymentLinks" GROUP BY "MerchantId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER payment_links_count ON "PaymentLinks";
                DROP TRIGGER payment_links_count_status ON "PaymentLinks";
                DROP FUNCTION payment_links_keep_counts();
                DROP FUNCTION merchant_link_count_add(uuid, text, integer);
                """);
            migrationBuilder.DropTable(
                name: "MerchantLinkCounts");
        }
    }
}
