using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Dashboard.Tests.Reliability;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Operations;

/// <summary>
/// The <c>backup</c> command run as an operator runs it, while customers pay, and its file restored with the
/// <c>restore</c> command into a new place: the app starts on it and every link's invariants hold.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed partial class BackupTests : AppProcessTest
{
    private readonly TestDatabase _restored = TestDatabase.Sqlite();
    private readonly string _folder = Directory.CreateTempSubdirectory("paymentlinks-backup-").FullName;

    [Fact]
    public async Task A_backup_taken_while_customers_pay_restores_into_a_new_place_where_the_app_starts_and_every_invariant_holds_and_never_over_a_running_app()
    {
        var merchant = await Harness.NewMerchantAsync("Backup Cafe");
        var links = new List<LinkView>();
        foreach (var maxUsages in new[] { 4, 500, 500 }) // the first is used up soon, so its history has a second move
            links.Add((await Harness.Links.CreateAsync(merchant, new LinkSettings { Title = $"Beans for {maxUsages}", Amount = 9m, Currency = "EUR", MaxUsages = maxUsages }, publish: true)).Value);
        using var stop = new CancellationTokenSource();
        var customers = Enumerable.Range(0, 4).Select(i => CustomerAsync(links[i % links.Count].PublicId, stop.Token)).ToList();
        await Poll.UntilAsync(async () => await CompletedAsync(Database) >= 3, "customers to have paid a few times");

        var file = Path.Combine(_folder, "paymentlinks-backup.db");
        var backup = await AppProcess.RunCommandAsync(Database, "backup", file);
        var completedAtBackup = await CompletedAsync(Database);
        await Poll.UntilAsync(async () => await CompletedAsync(Database) > completedAtBackup, "a payment after the backup (the backup did not stop the app)");
        await stop.CancelAsync();
        await Task.WhenAll(customers);

        Assert.True(backup.ExitCode == 0, backup.Errors);
        Assert.Contains($"to {file}", backup.Output);
        Assert.Equal([file], Directory.GetFiles(_folder)); // no temporary file left behind
        var again = await AppProcess.RunCommandAsync(Database, "backup", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Errors);
        await AssertRestoreRefusedOverTheRunningAppAsync(file);

        var restore = await AppProcess.RunCommandAsync(_restored, "restore", file);
        Assert.True(restore.ExitCode == 0, restore.Errors);
        await using (var restoredApp = await AppProcess.StartAsync(_restored))
        {
            using var http = new HttpClient { BaseAddress = restoredApp.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode);
        }
        await using var db = DatabaseSetup.NewContext(_restored.Provider, _restored.ConnectionString);
        await LinkInvariants.AssertHoldAsync(db);
        var restoredPayments = await db.PaymentAttempts.CountAsync(a => a.Status == PaymentStatus.Completed);
        Assert.InRange(restoredPayments, 3, completedAtBackup);
        Assert.Equal(links.Count, await db.PaymentLinks.CountAsync());
        Assert.Equal(int.Parse(PaymentCount().Match(backup.Output).Groups["count"].Value), await db.PaymentAttempts.CountAsync());
    }

    /// <summary>The app still holds its database: restore says so, and leaves every file beside the database as it was.</summary>
    private async Task AssertRestoreRefusedOverTheRunningAppAsync(string backup)
    {
        var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.ConnectionString).DataSource)!;
        var before = Directory.GetFiles(folder).Order().ToList();

        var refused = await AppProcess.RunCommandAsync(Database, "restore", backup);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("running app", refused.Errors);
        Assert.Equal(before, Directory.GetFiles(folder).Order().ToList());
        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _restored.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<int> CompletedAsync(TestDatabase database)
    {
        await using var db = DatabaseSetup.NewContext(database.Provider, database.ConnectionString);
        return await db.PaymentAttempts.CountAsync(a => a.Status == PaymentStatus.Completed);
    }

    /// <summary>One customer after another paying the same link, until stopped or the link is used up.</summary>
    private async Task CustomerAsync(string publicId, CancellationToken stop)
    {
        var status = HttpStatusCode.OK;
        while (status == HttpStatusCode.OK && !stop.IsCancellationRequested)
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };
            (status, _) = await new CheckoutCustomer(http).PayAsync(publicId);
            Assert.True((int)status < 500, $"checkout answered {(int)status}");
        }
    }

    [GeneratedRegex(@"(?<count>\d+) payments")]
    private static partial Regex PaymentCount();
}
