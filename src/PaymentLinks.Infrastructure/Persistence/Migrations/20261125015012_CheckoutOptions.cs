using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "CustomerChoosesAmount",
                table: "PaymentLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CustomerDetails_Email",
                table: "PaymentLinks",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<string>(
                name: "CustomerDetails_Name",
                table: "PaymentLinks",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<string>(
                name: "CustomerDetails_Phone",
                table: "PaymentLinks",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<int>(
                name: "MaxQuantity",
                table: "PaymentLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuggestedAmountMinor",
                table: "PaymentLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Answers",
                table: "PaymentAttempts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "PaymentAttempts",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerName",
                table: "PaymentAttempts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerPhone",
                table: "PaymentAttempts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quantity",
                table: "PaymentAttempts",
                type: "INTEGER",
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
