using Npgsql;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Tests.Shared;

/// <summary>
/// A database of its own for one test app: a SQLite file in a temporary folder, or a fresh database on the
/// throw-away PostgreSQL server. Which one a test gets by default is the run's provider: test.sh runs the
/// suites once as they are (SQLite) and once with PAYMENTLINKS_TEST_PROVIDER=Postgres.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>Where the PostgreSQL server is; by default the one <c>scripts/postgres.sh start</c> starts.</summary>
    public const string ServerVariable = "PAYMENTLINKS_TEST_POSTGRES";
    public const string ProviderVariable = "PAYMENTLINKS_TEST_PROVIDER";

    private readonly string? _folder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
    }

    public static DatabaseProvider RunProvider { get; } =
        Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable) ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The app's settings for this database, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:PaymentLinks"] = ConnectionString,
    };

    public static TestDatabase ForThisRun() => RunProvider == DatabaseProvider.Postgres ? Postgres() : Sqlite();

    /// <summary>A new SQLite file, optionally a copy of <paramref name="startFrom"/> (a database an earlier release made).</summary>
    public static TestDatabase Sqlite(string? startFrom = null)
    {
        var folder = Directory.CreateTempSubdirectory("paymentlinks-tests-").FullName;
        var file = Path.Combine(folder, "links.db");
        if (startFrom is not null)
            File.Copy(startFrom, file);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", folder);
    }

    /// <summary>A new, empty database on the PostgreSQL server; fails saying how to start one when there is none.</summary>
    public static TestDatabase Postgres()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(ServerVariable) ?? "Host=127.0.0.1;Port=55432;Username=postgres");
        var name = $"paymentlinks_test_{Guid.NewGuid():N}";
        try
        {
            Admin(server, $"CREATE DATABASE \"{name}\"");
        }
        catch (NpgsqlException error)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL server answers at {server.Host}:{server.Port} ({error.Message}). Start the throw-away one with " +
                $"`scripts/postgres.sh start` (test.sh does it itself; install PostgreSQL with `apt-get install -y postgresql`), " +
                $"or name another in {ServerVariable}.", error);
        }
        server.Database = name;
        return new TestDatabase(DatabaseProvider.Postgres, server.ConnectionString, null);
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder!, recursive: true);
            return;
        }
        var server = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = server.Database!;
        NpgsqlConnection.ClearAllPools();
        server.Database = "postgres";
        Admin(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Admin(NpgsqlConnectionStringBuilder server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
