using Microsoft.Data.Sqlite;
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
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(targetConnectionString);
        }
        catch (ArgumentException malformed)
        {
            Console.Error.WriteLine($"Not copied: the connection string is not understood ({malformed.Message}).");
            return 2;
        }
        // Opened read-only: the copy never changes the SQLite file, and a missing one is not created.
        var sourceFile = new SqliteConnectionStringBuilder(configuration.GetConnectionString(DependencyInjection.ConnectionStringName));
        if (!File.Exists(sourceFile.DataSource))
        {
            Console.Error.WriteLine($"Not copied: there is no SQLite database at {Path.GetFullPath(sourceFile.DataSource)}.");
            return 1;
        }
        sourceFile.Mode = SqliteOpenMode.ReadOnly;
        var sourceConnectionString = sourceFile.ConnectionString;
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
        catch (Npgsql.NpgsqlException unreachable)
        {
            Console.Error.WriteLine($"Not copied: PostgreSQL could not be reached or refused ({unreachable.Message}).");
            return 1;
        }
    }
}
