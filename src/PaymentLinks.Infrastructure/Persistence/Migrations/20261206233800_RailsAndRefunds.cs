using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RailsAndRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AuthorizedAt",
                table: "PaymentAttempts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CapturedAt",
                table: "PaymentAttempts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmationRequestedAt",
                table: "PaymentAttempts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RefundedMinor",
                table: "PaymentAttempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "VoidedAt",
                table: "PaymentAttempts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RailOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RefundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SucceededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RailOperations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RailOperations_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SucceededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Refunds_PaymentAttempts_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "PaymentAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SandboxBankEntries",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxBankEntries", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RailOperations_IdempotencyKey",
                table: "RailOperations",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RailOperations_MerchantId",
                table: "RailOperations",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_RailOperations_PaymentId",
                table: "RailOperations",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_RailOperations_Status_NextAttemptAt",
                table: "RailOperations",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_PaymentId_CreatedAt",
                table: "Refunds",
                columns: new[] { "PaymentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxBankEntries_PaymentId",
                table: "SandboxBankEntries",
                column: "PaymentId");

            // Payments completed before there were rails went through the sandbox bank, which took the money at once:
            // they count as authorized and captured, in our records and in the sandbox bank's, so they can be refunded.
            migrationBuilder.Sql("""
                UPDATE "PaymentAttempts" SET "AuthorizedAt" = "FinishedAt", "CapturedAt" = "FinishedAt" WHERE "Status" = 'Completed';
                INSERT INTO "SandboxBankEntries" ("Key", "Action", "PaymentId", "AmountMinor", "At")
                SELECT 'capture_' || lower(replace("Id", '-', '')), 'Capture', "Id", "AmountMinor", "FinishedAt" FROM "PaymentAttempts" WHERE "Status" = 'Completed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RailOperations");

            migrationBuilder.DropTable(
                name: "Refunds");

            migrationBuilder.DropTable(
                name: "SandboxBankEntries");

            migrationBuilder.DropColumn(
                name: "AuthorizedAt",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "CapturedAt",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "ConfirmationRequestedAt",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "RefundedMinor",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "VoidedAt",
                table: "PaymentAttempts");
        }
    }
}
