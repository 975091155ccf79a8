using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StripeProvider : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MadeAtProvider",
                table: "Refunds",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProviderRefundId",
                table: "Refunds",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            // Everything paid before providers went through the sandbox bank.
            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "RailOperations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Sandbox");

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "PaymentAttempts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Sandbox");

            migrationBuilder.AddColumn<string>(
                name: "ProviderPaymentId",
                table: "PaymentAttempts",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderSessionId",
                table: "PaymentAttempts",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StripeConnections",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Livemode = table.Column<bool>(type: "boolean", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    AccountName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ProtectedSecretKey = table.Column<string>(type: "text", nullable: false),
                    ProtectedWebhookSecret = table.Column<string>(type: "text", nullable: false),
                    WebhookToken = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    KeyProblem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    KeyProblemAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeConnections", x => new { x.MerchantId, x.Livemode });
                    table.ForeignKey(
                        name: "FK_StripeConnections_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StripeEventReceipts",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Livemode = table.Column<bool>(type: "boolean", nullable: false),
                    EventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeEventReceipts", x => new { x.MerchantId, x.Livemode, x.EventId });
                    table.ForeignKey(
                        name: "FK_StripeEventReceipts_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_ProviderRefundId",
                table: "Refunds",
                column: "ProviderRefundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAttempts_ProviderPaymentId",
                table: "PaymentAttempts",
                column: "ProviderPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_StripeConnections_WebhookToken",
                table: "StripeConnections",
                column: "WebhookToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StripeEventReceipts_ReceivedAt",
                table: "StripeEventReceipts",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StripeConnections");

            migrationBuilder.DropTable(
                name: "StripeEventReceipts");

            migrationBuilder.DropIndex(
                name: "IX_Refunds_ProviderRefundId",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_PaymentAttempts_ProviderPaymentId",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "MadeAtProvider",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "ProviderRefundId",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "RailOperations");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "ProviderPaymentId",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "ProviderSessionId",
                table: "PaymentAttempts");
        }
    }
}
