using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Tests.Persistence;

/// <summary>
/// The first migrations were written by hand and the tools' baseline changes no table, so this is their guard:
/// a database built by migrating must have the same tables, columns, types, nullability, keys, indexes and
/// foreign keys as one built from the model.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed class SchemaMatchesModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paymentlinks-schema-").FullName;

    [Fact]
    public async Task Migrated_schema_equals_the_model_schema()
    {
        var migrated = Path.Combine(_folder, "migrated.db");
        var created = Path.Combine(_folder, "created.db");
        await using (var db = NewContext(migrated))
            await DatabaseSetup.MigrateAsync(db);
        await using (var db = NewContext(created))
            await db.Database.EnsureCreatedAsync();

        var expected = Describe(created);
        var actual = Describe(migrated);

        Assert.Contains(expected, line => line.StartsWith("table PaymentLinks"));
        Assert.Equal(expected, actual);
    }

    private static AppDbContext NewContext(string file) => DatabaseSetup.NewContext(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false");

    private static List<string> Describe(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        connection.Open();
        var lines = new List<string>();
        // The title search index (an FTS5 table and its shadow tables) is made by its migration alone: the model
        // does not describe virtual tables. LinkSearchTests check it does its work.
        var tables = Query(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'PaymentLinkTitles%' "
            + "AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name");
        foreach (var table in tables.Select(row => row[0]))
        {
            lines.Add($"table {table}");
            lines.AddRange(Query(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name")
                .Select(c => $"  column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}"));
            lines.AddRange(Query(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name")
                .Select(i => $"  index {i[0]} unique={i[1]} on ({string.Join(",", Query(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno").Select(r => r[0]))})"));
            lines.AddRange(Query(connection, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"")
                .Select(f => $"  fk {table}.{f[0]} -> {f[1]}.{f[2]} on delete {f[3]}"));
        }
        return lines;
    }

    private static List<string[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString() ?? "").ToArray());
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
