namespace PaymentLinks.Dashboard.Operations;

/// <summary>
/// <c>dotnet run --project src/PaymentLinks.Dashboard -- backup &lt;file&gt;</c>: a consistent copy of the configured SQLite
/// database, taken while the app serves. The copy is written under a temporary name beside the file and renamed only once
/// it is complete and checked, so a half-written backup never carries the name asked for.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static async Task<int> RunAsync(IConfiguration configuration, string[] arguments)
    {
        if (arguments is not [var target])
        {
            Console.Error.WriteLine($"usage: dotnet run --project src/PaymentLinks.Dashboard -- {Name} <new backup file>");
            return 2;
        }
        var destination = Path.GetFullPath(target);
        var partial = $"{destination}.{Environment.ProcessId}.partial";
        try
        {
            var source = SqliteDatabaseFile.ConfiguredPath(configuration, "pg_dump -Fc");
            if (!File.Exists(source))
                throw new BackupRefused($"There is no SQLite database at {source}.");
            if (File.Exists(destination))
                throw new BackupRefused($"{destination} already exists; a backup never replaces a file. Name a new one.");
            if (!Directory.Exists(Path.GetDirectoryName(destination)))
                throw new BackupRefused($"The folder {Path.GetDirectoryName(destination)} does not exist.");

            SqliteDatabaseFile.Copy(source, partial);
            SqliteDatabaseFile.CheckSound(partial);
            var holds = await SqliteDatabaseFile.DescribeAsync(partial);
            File.Move(partial, destination, overwrite: false);
            Console.WriteLine($"Backed up {source} to {destination}: {holds}. Integrity check ok.");
            return 0;
        }
        catch (BackupRefused refused)
        {
            File.Delete(partial);
            Console.Error.WriteLine($"Not backed up: {refused.Message}");
            return 1;
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            File.Delete(partial);
            Console.Error.WriteLine($"Not backed up: {failed.Message}");
            return 1;
        }
    }
}
