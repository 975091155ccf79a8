using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Infrastructure.Persistence;

public enum DatabaseProvider
{
    /// <summary>One file next to the app: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by any number of app instances.</summary>
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public static class DatabaseSetup
{
    /// <summary>Where the PostgreSQL migrations live: EF Core keeps one set (and one model snapshot) per assembly.</summary>
    public const string PostgresMigrationsAssembly = "PaymentLinks.Migrations.Postgres";

    /// <summary>
    /// The app's settings for a context; with <paramref name="events"/>, committed changes are announced to open views,
    /// with <paramref name="metrics"/> counted.
    /// </summary>
    public static void Configure(
        DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, TimeProvider? clock = null, ILinkEvents? events = null,
        ProductMetrics? metrics = null)
    {
        options.AddInterceptors(new ChangesOnSave(clock ?? TimeProvider.System, events, metrics));
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                options.UseSqlite(connectionString);
                options.AddInterceptors(new SqlitePragmas());
                break;
        }
    }

    /// <summary>A context of its own on a database the app's services do not hold: tools, the copy command, tests.</summary>
    public static AppDbContext NewContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Configure(options, provider, connectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>
    /// Applies the migrations. For SQLite it first creates the file's folder and switches the file to WAL.
    /// Instances starting together on one PostgreSQL database are safe: EF Core takes a lock while it migrates.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }
}
