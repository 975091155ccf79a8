using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Operations;

/// <summary>A refusal of the backup or restore command: its message says why, and nothing was changed.</summary>
public sealed class BackupRefused(string message) : Exception(message);

/// <summary>
/// What the backup and restore commands do to SQLite files: copy one with SQLite's online backup API (a consistent
/// snapshot, even while the app writes), check a copy, and say what it holds.
/// </summary>
public static class SqliteDatabaseFile
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// <summary>The SQLite file the configuration names; refuses a PostgreSQL configuration, pointing to <paramref name="postgresTool"/>.</summary>
    public static string ConfiguredPath(IConfiguration configuration, string postgresTool)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
            throw new BackupRefused($"The app is configured for PostgreSQL: use {postgresTool} (see README, \"Backups\").");
        var connectionString = configuration.GetConnectionString(DependencyInjection.ConnectionStringName)
            ?? throw new BackupRefused($"ConnectionStrings:{DependencyInjection.ConnectionStringName} is not configured.");
        return Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
    }

    /// <summary>
    /// Copies <paramref name="source"/> page by page into <paramref name="destination"/> (a new file), as one
    /// consistent snapshot; the copy is switched to a single-file journal so it travels without a -wal beside it.
    /// </summary>
    public static void Copy(string source, string destination)
    {
        using var from = Open(source, SqliteOpenMode.ReadOnly);
        using var to = Open(destination, SqliteOpenMode.ReadWriteCreate);
        from.BackupDatabase(to);
        Execute(to, "PRAGMA journal_mode = DELETE;");
    }

    /// <summary>Refuses a file that is not a sound SQLite database: wrong header, unreadable, or failing integrity_check.</summary>
    public static void CheckSound(string path)
    {
        if (!File.Exists(path))
            throw new BackupRefused($"There is no file at {path}.");
        var start = new byte[Header.Length];
        using (var file = File.OpenRead(path))
            if (file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) != start.Length || !start.SequenceEqual(Header))
                throw new BackupRefused($"{path} is not a SQLite database.");
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            var verdict = Execute(connection, "PRAGMA integrity_check;");
            if (verdict != "ok")
                throw new BackupRefused($"{path} fails SQLite's integrity check: {verdict}");
        }
        catch (SqliteException unreadable)
        {
            throw new BackupRefused($"{path} cannot be read as a SQLite database ({unreadable.Message}).");
        }
    }

    /// <summary>What a database holds, in one line: links, payments, users and the last migration.</summary>
    public static async Task<string> DescribeAsync(string path)
    {
        await using var db = Context(path);
        var migrations = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        return $"{await db.PaymentLinks.CountAsync()} links, {await db.PaymentAttempts.CountAsync()} payments, " +
               $"{await db.Users.CountAsync()} users; {migrations.Count} migrations, the last {migrations.LastOrDefault() ?? "none"}";
    }

    /// <summary>Refuses a database with a migration this build does not have (made by a newer build), or none at all.</summary>
    public static async Task CheckMigrationsAsync(string path)
    {
        await using var db = Context(path);
        IReadOnlyList<string> applied;
        try
        {
            applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        }
        catch (SqliteException)
        {
            throw new BackupRefused($"{path} is not a PaymentLinks database (it has no migration history).");
        }
        if (applied.Count == 0)
            throw new BackupRefused($"{path} is not a PaymentLinks database (it has no migration history).");
        var unknown = applied.Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
            throw new BackupRefused($"{path} was made by a newer build (migrations this build does not have: {string.Join(", ", unknown)}); restore it with that build.");
    }

    /// <summary>
    /// True while another connection (a running app) has the database open: asking for the file exclusively is then
    /// refused at once. A file nobody holds is left as it was.
    /// </summary>
    public static bool InUse(string path)
    {
        try
        {
            // One second, not the default 30: a held file is an answer, not something to wait out.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Connection(path, SqliteOpenMode.ReadWrite)) { DefaultTimeout = 1 }.ConnectionString);
            connection.Open();
            Execute(connection, "PRAGMA locking_mode = EXCLUSIVE;");
            Execute(connection, "BEGIN EXCLUSIVE; COMMIT;");
            return false;
        }
        catch (SqliteException busy) when (busy.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return true;
        }
    }

    private static AppDbContext Context(string path) =>
        DatabaseSetup.NewContext(DatabaseProvider.Sqlite, Connection(path, SqliteOpenMode.ReadOnly));

    /// <summary>Unpooled, so that no handle on the file outlives the command's use of it.</summary>
    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(Connection(path, mode));
        connection.Open();
        return connection;
    }

    private static string Connection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString;

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
