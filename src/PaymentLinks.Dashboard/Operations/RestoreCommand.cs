namespace PaymentLinks.Dashboard.Operations;

/// <summary>
/// <c>dotnet run --project src/PaymentLinks.Dashboard -- restore &lt;backup file&gt;</c>, with the app stopped: checks the
/// backup (a sound SQLite database with no migration newer than this build; older ones are applied at the next start),
/// keeps the current database aside as <c>&lt;name&gt;.before-restore-&lt;UTC time&gt;</c> (its -wal with it, so nothing
/// committed is lost), and puts the backup in its place. Any refusal changes nothing.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    public static async Task<int> RunAsync(IConfiguration configuration, string[] arguments)
    {
        if (arguments is not [var file])
        {
            Console.Error.WriteLine($"usage: dotnet run --project src/PaymentLinks.Dashboard -- {Name} <backup file>   (with the app stopped)");
            return 2;
        }
        var backup = Path.GetFullPath(file);
        try
        {
            var target = SqliteDatabaseFile.ConfiguredPath(configuration, "pg_restore");
            SqliteDatabaseFile.CheckSound(backup);
            await SqliteDatabaseFile.CheckMigrationsAsync(backup);
            if (File.Exists(target) && SqliteDatabaseFile.InUse(target))
                throw new BackupRefused($"{target} is open in a running app: stop every app on it, then restore.");

            var restoring = $"{target}.{Environment.ProcessId}.restoring";
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                SqliteDatabaseFile.Copy(backup, restoring);
            }
            catch (Microsoft.Data.Sqlite.SqliteException failed)
            {
                File.Delete(restoring);
                throw new BackupRefused($"{backup} could not be copied ({failed.Message}).");
            }
            var keptAside = KeepAside(target);
            File.Move(restoring, target);
            Console.WriteLine($"Restored {backup} into {target}: {await SqliteDatabaseFile.DescribeAsync(target)}.");
            if (keptAside is not null)
                Console.WriteLine($"The database it replaced is kept at {keptAside}.");
            Console.WriteLine("Start the app: it applies any migration the backup lacks.");
            return 0;
        }
        catch (BackupRefused refused)
        {
            Console.Error.WriteLine($"Not restored: {refused.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Moves the current database and its -wal (committed changes not yet copied into the file) to one new name; its -shm
    /// is only an index of that log, rebuilt on open, so it is removed rather than left to describe another file.
    /// </summary>
    private static string? KeepAside(string target)
    {
        if (!File.Exists(target))
            return null;
        var aside = $"{target}.before-restore-{TimeProvider.System.GetUtcNow():yyyyMMddTHHmmssZ}";
        File.Move(target, aside);
        if (File.Exists($"{target}-wal"))
            File.Move($"{target}-wal", $"{aside}-wal");
        File.Delete($"{target}-shm");
        return aside;
    }
}
