using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CheckoutOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Links and payments from before keep what they were: no questions asked, one unit, no answers.
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "PaymentLinks",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "CustomerChoosesAmount",
                table: "PaymentLinks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CustomerDetails_Email",
                table: "PaymentLinks",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<string>(
                name: "CustomerDetails_Name",
                table: "PaymentLinks",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<string>(
                name: "CustomerDetails_Phone",
                table: "PaymentLinks",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<int>(
                name: "MaxQuantity",
                table: "PaymentLinks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuggestedAmountMinor",
                table: "PaymentLinks",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Answers",
                table: "PaymentAttempts",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "PaymentAttempts",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerName",
                table: "PaymentAttempts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerPhone",
                table: "PaymentAttempts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quantity",
                table: "PaymentAttempts",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "CustomerChoosesAmount",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "CustomerDetails_Email",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "CustomerDetails_Name",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "CustomerDetails_Phone",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "MaxQuantity",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "SuggestedAmountMinor",
                table: "PaymentLinks");

            migrationBuilder.DropColumn(
                name: "Answers",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "CustomerEmail",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "CustomerName",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "CustomerPhone",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "Quantity",
                table: "PaymentAttempts");
        }
    }
}
