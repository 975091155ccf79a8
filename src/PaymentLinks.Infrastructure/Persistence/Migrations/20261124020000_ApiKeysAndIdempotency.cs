using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PaymentLinks.Infrastructure.Persistence.Migrations;

/// <summary>API keys (hashed) and the Idempotency-Key records of the REST API.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124020000_ApiKeysAndIdempotency")]
public sealed class ApiKeysAndIdempotency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ApiKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Prefix = table.Column<string>(maxLength: 12, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiKeys", x => x.Id);
                table.ForeignKey("FK_ApiKeys_Merchants_MerchantId", x => x.MerchantId, "Merchants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IdempotencyRecords",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", "IdentityByDefaultColumn"),
                MerchantId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 255, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StatusCode = table.Column<int>(nullable: true),
                ResponseBody = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                table.ForeignKey("FK_IdempotencyRecords_Merchants_MerchantId", x => x.MerchantId, "Merchants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ApiKeys_Hash", "ApiKeys", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiKeys_MerchantId", "ApiKeys", "MerchantId");
        migrationBuilder.CreateIndex("IX_IdempotencyRecords_MerchantId_Key", "IdempotencyRecords", ["MerchantId", "Key"], unique: true);
        migrationBuilder.CreateIndex("IX_IdempotencyRecords_CreatedAt", "IdempotencyRecords", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("IdempotencyRecords");
        migrationBuilder.DropTable("ApiKeys");
    }
}
