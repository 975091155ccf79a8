using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MerchantReturnSecret : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnSecret",
                table: "Merchants",
                type: "TEXT",
                maxLength: 37,
                nullable: false,
                defaultValue: "");

            // Merchants from before get a secret of their own: "rsec_" and 32 random characters (SQLite's randomblob).
            migrationBuilder.Sql("UPDATE Merchants SET ReturnSecret = 'rsec_' || substr(lower(hex(randomblob(16))), 1, 32) WHERE ReturnSecret = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReturnSecret",
                table: "Merchants");
        }
    }
}
