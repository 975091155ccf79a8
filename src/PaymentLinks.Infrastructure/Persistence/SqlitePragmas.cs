using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings: a busy timeout so that queued writers wait inside SQLite instead of
/// failing, and foreign keys on. The log is copied into the file by <see cref="SqliteCheckpoints"/>; a writer does it
/// only when the log has grown past 64 MB, in case that worker falls behind. WAL is a property of the file and is
/// set once at start-up. SQLite's own lower() knows only ASCII; searches lower-case both sides, so it is replaced by .NET's, as PostgreSQL's
/// lower() also knows every letter. The pragmas stay with the pooled native connection and are set once per
/// connection; the function goes when a connection closes, so it is added at every open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384;";

    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        if (!Configured.TryGetValue(sqlite.Handle!, out _))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(sqlite.Handle!, Pragmas);
        }
        sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }
}
