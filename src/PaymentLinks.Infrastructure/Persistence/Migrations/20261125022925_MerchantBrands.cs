using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MerchantBrands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MerchantBrands",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Accent = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    Logo = table.Column<byte[]>(type: "BLOB", maxLength: 262144, nullable: true),
                    LogoContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LogoVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantBrands", x => x.MerchantId);
                    table.ForeignKey(
                        name: "FK_MerchantBrands_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MerchantBrands");
        }
    }
}
