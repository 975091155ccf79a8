using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// What `dotnet ef migrations add` builds the model with: the app's own SQLite setup, without starting the app
/// (whose configuration lives at the repository top level). The file named here is never opened by that command.
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new AppDbContext(options.Options);
    }
}
