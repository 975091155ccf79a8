using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PaymentLinks.Infrastructure.Persistence.Migrations;

/// <summary>Webhook endpoints, the event outbox and the delivery log.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124030000_Webhooks")]
public sealed class Webhooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WebhookEndpoints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Url = table.Column<string>(maxLength: 2000, nullable: false),
                Secret = table.Column<string>(maxLength: 38, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DisabledAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookEndpoints", x => x.Id);
                table.ForeignKey("FK_WebhookEndpoints_Merchants_MerchantId", x => x.MerchantId, "Merchants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WebhookEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", "IdentityByDefaultColumn"),
                EventId = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 32, nullable: false),
                Payload = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DispatchedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookEvents", x => x.Id);
                table.ForeignKey("FK_WebhookEvents_Merchants_MerchantId", x => x.MerchantId, "Merchants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WebhookDeliveries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EventId = table.Column<long>(nullable: false),
                EndpointId = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: true),
                LastAttemptAt = table.Column<DateTime>(nullable: true),
                LastStatusCode = table.Column<int>(nullable: true),
                LastError = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                table.ForeignKey("FK_WebhookDeliveries_WebhookEvents_EventId", x => x.EventId, "WebhookEvents", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_WebhookDeliveries_WebhookEndpoints_EndpointId", x => x.EndpointId, "WebhookEndpoints", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_WebhookEndpoints_MerchantId", "WebhookEndpoints", "MerchantId");
        migrationBuilder.CreateIndex("IX_WebhookEvents_EventId", "WebhookEvents", "EventId", unique: true);
        migrationBuilder.CreateIndex("IX_WebhookEvents_DispatchedAt", "WebhookEvents", "DispatchedAt");
        migrationBuilder.CreateIndex("IX_WebhookEvents_MerchantId", "WebhookEvents", "MerchantId");
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_Status_NextAttemptAt", "WebhookDeliveries", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_MerchantId_CreatedAt", "WebhookDeliveries", ["MerchantId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_EventId", "WebhookDeliveries", "EventId");
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_EndpointId", "WebhookDeliveries", "EndpointId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("WebhookDeliveries");
        migrationBuilder.DropTable("WebhookEvents");
        migrationBuilder.DropTable("WebhookEndpoints");
    }
}
