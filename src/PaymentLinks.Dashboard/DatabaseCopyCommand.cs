using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard;

/// <summary>
/// <c>dotnet run --project src/PaymentLinks.Dashboard -- copy-to-postgres "&lt;PostgreSQL connection string&gt;"</c>:
/// copies the configured SQLite database (ConnectionStrings:PaymentLinks) into an empty PostgreSQL database.
/// </summary>
public static class DatabaseCopyCommand
{
    public const string Name = "copy-to-postgres";

    public static async Task<int> RunAsync(IConfiguration configuration, string[] arguments)
    {
        if (arguments is not [var targetConnectionString])
        {
            Console.Error.WriteLine($"usage: dotnet run --project src/PaymentLinks.Dashboard -- {Name} \"Host=…;Database=…;Username=…\"");
            return 2;
        }
        var sourceConnectionString = configuration.GetConnectionString(DependencyInjection.ConnectionStringName)!;
        await using var source = DatabaseSetup.NewContext(DatabaseProvider.Sqlite, sourceConnectionString);
        await using var target = DatabaseSetup.NewContext(DatabaseProvider.Postgres, targetConnectionString);
        try
        {
            Console.WriteLine($"Copying {sourceConnectionString} into PostgreSQL…");
            await new DatabaseCopy(source, target, Console.Out).RunAsync();
            Console.WriteLine("Copied, counts and invariants checked. Start the app with Database__Provider=Postgres and this connection string.");
            return 0;
        }
        catch (DatabaseCopyRefused refused)
        {
            Console.Error.WriteLine($"Not copied: {refused.Message}");
            return 1;
        }
    }
}
