using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Modes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The kept link counts are per mode from now on: their triggers are made again with the mode in the key.
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_status";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_delete";""");

            // The table is made again here, not by EF's rebuild of it, which would run after everything else and leave
            // the triggers made below pointing at a table it drops.
            migrationBuilder.Sql("""
                CREATE TABLE "MerchantLinkCounts_keyed" (
                    "MerchantId" TEXT NOT NULL,
                    "Livemode" INTEGER NOT NULL,
                    "Status" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_MerchantLinkCounts" PRIMARY KEY ("MerchantId", "Livemode", "Status"),
                    CONSTRAINT "FK_MerchantLinkCounts_Merchants_MerchantId" FOREIGN KEY ("MerchantId") REFERENCES "Merchants" ("Id") ON DELETE CASCADE);
                INSERT INTO "MerchantLinkCounts_keyed" ("MerchantId", "Livemode", "Status", "Count") SELECT "MerchantId", 0, "Status", "Count" FROM "MerchantLinkCounts";
                DROP TABLE "MerchantLinkCounts";
                ALTER TABLE "MerchantLinkCounts_keyed" RENAME TO "MerchantLinkCounts";
                """);

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_AmountMinor_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_CreatedAt_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_ExpiresAt_Id_Status",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Status_Id_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Title_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Usages_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_IdempotencyRecords_MerchantId_Key",
                table: "IdempotencyRecords");

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "WebhookEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "WebhookEndpoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "PaymentLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "PaymentAttempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "IdempotencyRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ViewsLiveMode",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_AmountMinor_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "AmountMinor", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_CreatedAt_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "CreatedAt", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_ExpiresAt_Id_Status",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "ExpiresAt", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_Status_Id_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "Status", "Id", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_Title_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "Title", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_Usages_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "Usages", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_MerchantId_Livemode_Key",
                table: "IdempotencyRecords",
                columns: new[] { "MerchantId", "Livemode", "Key" },
                unique: true);

            // Everything made so far was paid through the sandbox bank: it all stays in test mode (the columns' default).
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_count_insert" AFTER INSERT ON "PaymentLinks" BEGIN
                    INSERT INTO "MerchantLinkCounts" ("MerchantId", "Livemode", "Status", "Count") VALUES (NEW."MerchantId", NEW."Livemode", NEW."Status", 1)
                        ON CONFLICT ("MerchantId", "Livemode", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_count_status" AFTER UPDATE OF "Status" ON "PaymentLinks"
                WHEN OLD."Status" <> NEW."Status" BEGIN
                    UPDATE "MerchantLinkCounts" SET "Count" = "Count" - 1
                        WHERE "MerchantId" = OLD."MerchantId" AND "Livemode" = OLD."Livemode" AND "Status" = OLD."Status";
                    INSERT INTO "MerchantLinkCounts" ("MerchantId", "Livemode", "Status", "Count") VALUES (NEW."MerchantId", NEW."Livemode", NEW."Status", 1)
                        ON CONFLICT ("MerchantId", "Livemode", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PaymentLinks_count_delete" AFTER DELETE ON "PaymentLinks" BEGIN
                    UPDATE "MerchantLinkCounts" SET "Count" = "Count" - 1
                        WHERE "MerchantId" = OLD."MerchantId" AND "Livemode" = OLD."Livemode" AND "Status" = OLD."Status";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_status";""");
            migrationBuilder.Sql("""DROP TRIGGER "PaymentLinks_count_delete";""");
            // Two modes' rows would collide in the old key: the counts start empty and are counted afresh from the links below.
            migrationBuilder.Sql("""
                CREATE TABLE "MerchantLinkCounts_keyed" (
                    "MerchantId" TEXT NOT NULL,
                    "Status" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_MerchantLinkCounts" PRIMARY KEY ("MerchantId", "Status"),
                    CONSTRAINT "FK_MerchantLinkCounts_Merchants_MerchantId" FOREIGN KEY ("MerchantId") REFERENCES "Merchants" ("Id") ON DELETE CASCADE);
                DROP TABLE "MerchantLinkCounts";
                ALTER TABLE "MerchantLinkCounts_keyed" RENAME TO "MerchantLinkCounts";
                """);

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_AmountMinor_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_CreatedAt_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_ExpiresAt_Id_Status",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_Status_Id_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_Title_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_Usages_Id_Status_ExpiresAt",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_IdempotencyRecords_MerchantId_Livemode_Key",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "WebhookEvents");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "WebhookEndpoints");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "ViewsLiveMode",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "ApiKeys");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_AmountMinor_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "AmountMinor", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_CreatedAt_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "CreatedAt", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_ExpiresAt_Id_Status",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "ExpiresAt", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Status_Id_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Status", "Id", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Title_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Title", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Usages_Id_Status_ExpiresAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Usages", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_MerchantId_Key",
                table: "IdempotencyRecords",
                columns: new[] { "MerchantId", "Key" },
                unique: true);
            // Counts per merchant again, as before modes, counted afresh from the links.
            migrationBuilder.Sql("""
                INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count")
                SELECT "MerchantId", "Status", COUNT(*) FROM "PaymentLinks" GROUP BY "MerchantId", "Status";
                """);
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
        }
    }
}
