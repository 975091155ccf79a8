using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Modes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropPrimaryKey(
                name: "PK_MerchantLinkCounts",
                table: "MerchantLinkCounts");

            migrationBuilder.DropIndex(
                name: "IX_IdempotencyRecords_MerchantId_Key",
                table: "IdempotencyRecords");

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "WebhookEvents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "WebhookEndpoints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "PaymentLinks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "PaymentAttempts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "MerchantLinkCounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "IdempotencyRecords",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ViewsLiveMode",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Prefix",
                table: "ApiKeys",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12);

            migrationBuilder.AddColumn<bool>(
                name: "Livemode",
                table: "ApiKeys",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "PK_MerchantLinkCounts",
                table: "MerchantLinkCounts",
                columns: new[] { "MerchantId", "Livemode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_AmountMinor_Id_Status_Expi~",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "AmountMinor", "Id", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_CreatedAt_Id_Status_Expire~",
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
            // The kept link counts are per mode from now on. Everything made so far was paid through the sandbox bank:
            // it all stays in test mode (the columns' default), so the stored counts carry over as test mode's.
            migrationBuilder.Sql("""
                CREATE FUNCTION merchant_link_count_add(merchant uuid, livemode boolean, status text, delta integer) RETURNS void
                LANGUAGE sql AS $$
                    INSERT INTO "MerchantLinkCounts" ("MerchantId", "Livemode", "Status", "Count") VALUES (merchant, livemode, status, delta)
                    ON CONFLICT ("MerchantId", "Livemode", "Status") DO UPDATE SET "Count" = "MerchantLinkCounts"."Count" + delta
                $$;
                CREATE OR REPLACE FUNCTION payment_links_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."Status" < NEW."Status" THEN
                        PERFORM merchant_link_count_add(OLD."MerchantId", OLD."Livemode", OLD."Status", -1);
                        PERFORM merchant_link_count_add(NEW."MerchantId", NEW."Livemode", NEW."Status", 1);
                    ELSE
                        PERFORM merchant_link_count_add(NEW."MerchantId", NEW."Livemode", NEW."Status", 1);
                        PERFORM merchant_link_count_add(OLD."MerchantId", OLD."Livemode", OLD."Status", -1);
                    END IF;
                    RETURN NULL;
                END $$;
                DROP FUNCTION merchant_link_count_add(uuid, text, integer);
                CREATE OR REPLACE FUNCTION payment_links_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "MerchantLinkCounts" ("MerchantId", "Livemode", "Status", "Count")
                        SELECT "MerchantId", "Livemode", "Status", COUNT(*) FROM inserted GROUP BY "MerchantId", "Livemode", "Status"
                        ORDER BY "MerchantId", "Livemode", "Status"
                        ON CONFLICT ("MerchantId", "Livemode", "Status") DO UPDATE SET "Count" = "MerchantLinkCounts"."Count" + EXCLUDED."Count";
                    ELSE
                        UPDATE "MerchantLinkCounts" c SET "Count" = c."Count" - d.n
                        FROM (SELECT "MerchantId", "Livemode", "Status", COUNT(*) AS n FROM deleted GROUP BY "MerchantId", "Livemode", "Status") d
                        WHERE c."MerchantId" = d."MerchantId" AND c."Livemode" = d."Livemode" AND c."Status" = d."Status";
                    END IF;
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Two modes' counts would collide in the old key: they are counted afresh from the links at the end.
            migrationBuilder.Sql("""DELETE FROM "MerchantLinkCounts";""");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_AmountMinor_Id_Status_Expi~",
                table: "PaymentLinks");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_CreatedAt_Id_Status_Expire~",
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

            migrationBuilder.DropPrimaryKey(
                name: "PK_MerchantLinkCounts",
                table: "MerchantLinkCounts");

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
                table: "MerchantLinkCounts");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "ViewsLiveMode",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Livemode",
                table: "ApiKeys");

            migrationBuilder.AlterColumn<string>(
                name: "Prefix",
                table: "ApiKeys",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AddPrimaryKey(
                name: "PK_MerchantLinkCounts",
                table: "MerchantLinkCounts",
                columns: new[] { "MerchantId", "Status" });

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
            // Counts per merchant again, as before modes.
            migrationBuilder.Sql("""
                CREATE FUNCTION merchant_link_count_add(merchant uuid, status text, delta integer) RETURNS void
                LANGUAGE sql AS $$
                    INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count") VALUES (merchant, status, delta)
                    ON CONFLICT ("MerchantId", "Status") DO UPDATE SET "Count" = "MerchantLinkCounts"."Count" + delta
                $$;
                CREATE OR REPLACE FUNCTION payment_links_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."Status" < NEW."Status" THEN
                        PERFORM merchant_link_count_add(OLD."MerchantId", OLD."Status", -1);
                        PERFORM merchant_link_count_add(NEW."MerchantId", NEW."Status", 1);
                    ELSE
                        PERFORM merchant_link_count_add(NEW."MerchantId", NEW."Status", 1);
                        PERFORM merchant_link_count_add(OLD."MerchantId", OLD."Status", -1);
                    END IF;
                    RETURN NULL;
                END $$;
                DROP FUNCTION merchant_link_count_add(uuid, boolean, text, integer);
                CREATE OR REPLACE FUNCTION payment_links_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
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
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MerchantLinkCounts" ("MerchantId", "Status", "Count")
                SELECT "MerchantId", "Status", COUNT(*) FROM "PaymentLinks" GROUP BY "MerchantId", "Status";
                """);
        }
    }
}
