using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
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
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_count_insert" AFTER INSERT ON "PaymentLinks" BEGIN
                    INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count") VALUES (NEW."MerchantId", NEW."Status", 1)
                        ON CONFLICT ("MerchantId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_count_status" AFTER UPDATE OF "Status" ON "PaymentLinks"
                WHEN OLD."Status" <> NEW."Status" BEGIN
                    UPDATE "MerchantLinkCounts" SET "Count" = "Count" - 1 WHERE "MerchantId" = OLD."MerchantId" AND "Status" = OLD."Status";
                    INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count") VALUES (NEW."MerchantId", NEW."Status", 1)
                        ON CONFLICT ("MerchantId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_count_delete" AFTER DELETE ON "PaymentLinks" BEGIN
                    UPDATE "MerchantLinkCounts" SET "Count" = "Count" - 1 WHERE "MerchantId" = OLD."MerchantId" AND "Status" = OLD."Status";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count")
                SELECT "MerchantId", "Status", COUNT(*) FROM "PaymentLinks" GROUP BY "MerchantId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_status";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_delete";""");
            migrationBuilder.DropTable(
                name: "MerchantLinkCounts");
        }
    }
}
