using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PaymentLinks.Infrastructure.Persistence.Migrations;

/// <summary>Checkout views for the funnel, and the checkout token that makes starting a payment idempotent.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124010000_CheckoutFunnel")]
public sealed class CheckoutFunnel : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "CheckoutViews", table: "PaymentLinks", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "CheckoutToken", table: "PaymentAttempts", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_PaymentAttempts_LinkId_CheckoutToken", "PaymentAttempts", ["LinkId", "CheckoutToken"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_PaymentAttempts_LinkId_CheckoutToken", "PaymentAttempts");
        migrationBuilder.DropColumn("CheckoutToken", "PaymentAttempts");
        migrationBuilder.DropColumn("CheckoutViews", "PaymentLinks");
    }
}
