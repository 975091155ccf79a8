using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LinkListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaymentLinks_MerchantId_CreatedAt",
                table: "PaymentLinks");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_CreatedAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "CreatedAt" });
        }
    }
}
