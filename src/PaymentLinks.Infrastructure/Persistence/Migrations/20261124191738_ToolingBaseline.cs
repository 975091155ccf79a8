using Microsoft.EntityFrameworkCore.Migrations;

namespace PaymentLinks.Infrastructure.Persistence.Migrations;

/// <summary>
/// The first migration made by the EF Core tools: it changes no table. The four hand-written migrations
/// before it already build exactly this model (SchemaMatchesModelTests proves it); this one only brings
/// the model snapshot that `dotnet ef migrations add` compares against from now on.
/// </summary>
public partial class ToolingBaseline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
