using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Operations;

/// <summary>
/// The README's PostgreSQL backup, as an operator runs it: <c>pg_dump -Fc</c> of a database with links, payments and
/// history, <c>pg_restore</c> into a new database, and the app opens it at its schema with the same rows and every
/// invariant holding.
/// </summary>
[Trait("Provider", "PostgresOnly")]
public sealed class PostgresBackupTests : IAsyncLifetime
{
    private readonly TestDatabase _live = TestDatabase.Postgres();
    private readonly TestDatabase _restored = TestDatabase.Postgres();
    private readonly string _dump = Path.Combine(Path.GetTempPath(), $"paymentlinks-{Guid.NewGuid():N}.dump");

    public async Task InitializeAsync()
    {
        // The demo merchant: links in every state, with payments and their history, made through the services.
        await using var demo = new DashboardApp(new() { ["DemoData:Enabled"] = "true" }, _live);
        _ = demo.Services;
    }

    public Task DisposeAsync()
    {
        _live.Dispose();
        _restored.Dispose();
        File.Delete(_dump);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_pg_dump_restored_with_pg_restore_into_a_new_database_has_the_same_rows_and_every_invariant_holds()
    {
        await RunAsync("pg_dump", ["-Fc", "--no-owner", "-f", _dump, .. Target(_live)]);
        await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", .. Target(_restored), _dump]);

        await using var was = DatabaseSetup.NewContext(_live.Provider, _live.ConnectionString);
        await using var now = DatabaseSetup.NewContext(_restored.Provider, _restored.ConnectionString);
        Assert.Empty(await now.Database.GetPendingMigrationsAsync());
        Assert.NotEqual(0, await was.PaymentAttempts.CountAsync());
        Assert.Equal(await Counts(was), await Counts(now));
        await LinkInvariants.AssertHoldAsync(now);
    }

    private static async Task<string> Counts(AppDbContext db) =>
        $"{await db.PaymentLinks.CountAsync()} links, {await db.PaymentAttempts.CountAsync()} payments, " +
        $"{await db.LinkStatusChanges.CountAsync()} status changes, {await db.Users.CountAsync()} users, {await db.MerchantLinkCounts.SumAsync(c => c.Count)} counted";

    /// <summary>The connection options of a database for PostgreSQL's own programs.</summary>
    private static string[] Target(TestDatabase database)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return ["-h", server.Host!, "-p", server.Port.ToString(), "-U", server.Username!, "-d", server.Database!];
    }

    /// <summary>A program of the installed PostgreSQL, found as scripts/postgres.sh finds it; fails with its stderr.</summary>
    private static async Task RunAsync(string program, string[] arguments)
    {
        var version = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").MaxBy(v => int.TryParse(Path.GetFileName(v), out var major) ? major : 0)
            : null;
        var bin = version is null
            ? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql")
            : Path.Combine(version, "bin");
        var start = new ProcessStartInfo(Path.Combine(bin, program), arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} ended with {process.ExitCode}: {await errors}");
    }
}
