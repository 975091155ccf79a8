using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Operations;

/// <summary>
/// The <c>restore</c> command, run as an operator runs it, puts a backup in place of a stopped database and keeps the
/// replaced one aside; it refuses a file that is not a sound PaymentLinks database of
/// this build or an older one, says why, ends non-zero, and leaves the current database exactly as it was.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed class RestoreTests : IAsyncLifetime
{
    private readonly TestDatabase _current = TestDatabase.Sqlite();
    private readonly string _folder = Directory.CreateTempSubdirectory("paymentlinks-restore-").FullName;
    private string _currentFile = default!;

    public async Task InitializeAsync()
    {
        _currentFile = new SqliteConnectionStringBuilder(_current.ConnectionString).DataSource;
        await using (var db = DatabaseSetup.NewContext(_current.Provider, _current.ConnectionString))
            await DatabaseSetup.MigrateAsync(db);
        SqliteConnection.ClearAllPools(); // as after the app has stopped: nothing holds the file
    }

    public Task DisposeAsync()
    {
        _current.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_restore_over_a_stopped_database_keeps_it_aside_and_puts_the_backup_in_its_place()
    {
        var backup = Path.Combine(_folder, "backup.db");
        File.Copy(_currentFile, backup);
        await using (var db = DatabaseSetup.NewContext(_current.Provider, $"Data Source={backup};Pooling=false"))
            await TestMerchants.AddAsync(db, "Restored Roastery", TimeProvider.System.GetUtcNow());

        var (exitCode, output, errors) = await AppProcess.RunCommandAsync(_current, "restore", backup);

        Assert.True(exitCode == 0, errors);
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_currentFile)!, "links.db.before-restore-*"));
        Assert.Contains($"kept at {aside}", output);
        Assert.Equal(["Restored Roastery"], await MerchantNamesAsync(_currentFile));
        Assert.Empty(await MerchantNamesAsync(aside));
    }

    [Fact]
    public async Task A_file_that_is_not_sqlite_is_refused_and_nothing_changes()
    {
        var notes = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(notes, "these are not the pages you are looking for");

        await AssertRefusedAsync(notes, "is not a SQLite database");
    }

    [Fact]
    public async Task A_corrupt_database_is_refused_and_nothing_changes()
    {
        var corrupt = Path.Combine(_folder, "corrupt.db");
        File.Copy(_currentFile, corrupt);
        await using (var file = File.OpenWrite(corrupt))
        {
            file.Position = 4096; // past the header and schema page: the tables' own pages
            file.Write(Enumerable.Repeat((byte)0xAB, 4 * 4096).ToArray());
        }

        await AssertRefusedAsync(corrupt, "fails SQLite's integrity check|cannot be read as a SQLite database");
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_and_nothing_changes()
    {
        var newer = Path.Combine(_folder, "newer.db");
        File.Copy(_currentFile, newer);
        await using (var connection = new SqliteConnection($"Data Source={newer};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('99991231000000_FromTheFuture', '99.0.0')";
            await command.ExecuteNonQueryAsync();
        }

        await AssertRefusedAsync(newer, "made by a newer build .*99991231000000_FromTheFuture");
    }

    /// <param name="because">A pattern of the reason the refusal must give.</param>
    private async Task AssertRefusedAsync(string backup, string because)
    {
        var before = Snapshot();

        var (exitCode, _, errors) = await AppProcess.RunCommandAsync(_current, "restore", backup);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Not restored: ", errors);
        Assert.Matches(because, errors);
        Assert.Equal(before, Snapshot());
        await using var db = DatabaseSetup.NewContext(_current.Provider, _current.ConnectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task<List<string>> MerchantNamesAsync(string file)
    {
        await using var db = DatabaseSetup.NewContext(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false");
        return await db.Merchants.Select(m => m.BusinessName).ToListAsync();
    }

    /// <summary>Every file beside the current database, with a hash of its bytes.</summary>
    private List<string> Snapshot() => Directory.GetFiles(Path.GetDirectoryName(_currentFile)!).Order()
        .Select(path => $"{Path.GetFileName(path)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}").ToList();
}
