using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// What `dotnet ef migrations add` (scripts/add-migration.sh) builds the model with: the app's own setup for the
/// provider named after `--` (`-- --provider Postgres`; SQLite by default), without starting the app, whose
/// configuration lives at the repository top level. The database named here is never opened by that command.
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var named = args.SkipWhile(arg => arg != "--provider").Skip(1).FirstOrDefault();
        var provider = named is null ? DatabaseProvider.Sqlite : Enum.Parse<DatabaseProvider>(named, ignoreCase: true);
        return DatabaseSetup.NewContext(provider,
            provider == DatabaseProvider.Postgres ? "Host=localhost;Database=design-time" : "Data Source=design-time.db");
    }
}
