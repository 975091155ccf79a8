using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentLinks.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EndedSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EndedSessions",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EndedSessions", x => x.SessionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EndedSessions_EndedAt",
                table: "EndedSessions",
                column: "EndedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EndedSessions");
        }
    }
}
