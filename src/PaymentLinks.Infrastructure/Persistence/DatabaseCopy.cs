using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Idempotency;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>
/// Moves a merchant's SQLite database into an empty PostgreSQL database: every table, row for row, in one
/// transaction on the target that commits only when the counts match and the invariants hold. The source is only read.
/// </summary>
public sealed class DatabaseCopy(AppDbContext source, AppDbContext target, TextWriter report)
{
    private const int BatchSize = 1000;

    /// <summary>Runs the copy; a refusal (not empty, not migrated, a check failed) leaves the target as it was.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new DatabaseCopyRefused("The SQLite database is not at this build's schema: start the app on it once, then copy.");
        await DatabaseSetup.MigrateAsync(target, ct);
        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        var counts = new List<(string Table, int Count)>();
        foreach (var copy in Tables())
            counts.Add(await copy(ct));
        // The link counts are not copied: the target's triggers keep them as the links arrive.
        if (counts.Count != target.Model.GetEntityTypes().Count(t => !t.IsOwned() && t.ClrType != typeof(MerchantLinkCount)))
            throw new DatabaseCopyRefused("This build has a table the copy does not know; nothing was copied.");
        await AdvanceSequencesAsync(ct);
        await CheckInvariantsAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var (table, count) in counts)
            await report.WriteLineAsync($"{table,-28}{count,10}");
    }

    /// <summary>In an order that satisfies every foreign key.</summary>
    private IEnumerable<Func<CancellationToken, Task<(string, int)>>> Tables() =>
    [
        CopyAsync<Merchant>, CopyAsync<MerchantBrand>, CopyAsync<ApplicationUser>, CopyAsync<Membership>, CopyAsync<Invitation>, CopyAsync<Audit.AuditEntry>, CopyAsync<IdentityRole>, CopyAsync<IdentityUserRole<string>>,
        CopyAsync<IdentityUserClaim<string>>, CopyAsync<IdentityUserLogin<string>>, CopyAsync<IdentityUserToken<string>>,
        CopyAsync<IdentityRoleClaim<string>>, CopyAsync<DataProtectionKey>, CopyAsync<EndedSession>,
        CopyAsync<PaymentLink>, CopyAsync<LinkStatusChange>, CopyAsync<PaymentAttempt>, CopyAsync<ApiKey>,
        CopyAsync<IdempotencyRecord>, CopyAsync<WebhookEndpoint>, CopyAsync<WebhookEvent>, CopyAsync<WebhookDelivery>,
        CopyAsync<Refund>, CopyAsync<Payments.Rails.RailOperation>, CopyAsync<Payments.Rails.SandboxBankEntry>,
        CopyAsync<Payments.Providers.StripeConnection>, CopyAsync<Payments.Providers.StripeEventReceipt>, CopyAsync<Mail.OutgoingMail>,
    ];

    private async Task<(string, int)> CopyAsync<T>(CancellationToken ct) where T : class
    {
        var table = target.Model.FindEntityType(typeof(T))!.GetTableName()!;
        if (await target.Set<T>().AnyAsync(ct))
            throw new DatabaseCopyRefused($"The PostgreSQL database is not empty ({table} has rows); copy only into an empty one.");
        var copied = 0;
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            target.Add(row);
            if (++copied % BatchSize == 0)
                await SaveAsync(ct);
        }
        await SaveAsync(ct);
        var stored = await target.Set<T>().CountAsync(ct);
        if (stored != copied)
            throw new DatabaseCopyRefused($"{table}: {copied} rows read, {stored} stored.");
        return (table, copied);
    }

    /// <summary>Saved and forgotten batch by batch: nothing stays tracked, so the save writes no webhook events of its own.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
    }

    /// <summary>Rows kept their numeric ids; each identity sequence moves past the highest, so new rows get new ones.</summary>
    private async Task AdvanceSequencesAsync(CancellationToken ct)
    {
        foreach (var entity in target.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is not [var key] || key.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd || key.ClrType != typeof(long) && key.ClrType != typeof(int))
                continue;
            var (table, column) = (entity.GetTableName(), key.GetColumnName());
            // Names from the model, not from input; SQL cannot take them as parameters.
#pragma warning disable EF1002
            await target.Database.ExecuteSqlRawAsync(
                $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) FROM "{table}" """, ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>What the services rely on: usage equals completed payments, within the limit; status matches the last history entry.</summary>
    private async Task CheckInvariantsAsync(CancellationToken ct)
    {
        var miscounted = await target.PaymentLinks
            .Where(l => l.Usages > l.MaxUsages || l.Usages != target.PaymentAttempts.Count(a => a.LinkId == l.Id && a.Status == PaymentStatus.Completed))
            .Select(l => l.PublicId).Take(5).ToListAsync(ct);
        if (miscounted.Count > 0)
            throw new DatabaseCopyRefused($"Usage does not match completed payments on {string.Join(", ", miscounted)}.");
        var adrift = await target.PaymentLinks
            .Where(l => target.LinkStatusChanges.Any(c => c.LinkId == l.Id)
                && target.LinkStatusChanges.Where(c => c.LinkId == l.Id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First().To != l.Status)
            .Select(l => l.PublicId).Take(5).ToListAsync(ct);
        if (adrift.Count > 0)
            throw new DatabaseCopyRefused($"Status does not match the last history entry on {string.Join(", ", adrift)}.");
        var stored = await target.PaymentLinks.GroupBy(l => new { l.MerchantId, l.Livemode, l.Status })
            .Select(g => new { g.Key.MerchantId, g.Key.Livemode, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var kept = await target.MerchantLinkCounts.Where(c => c.Count != 0).Select(c => new { c.MerchantId, c.Livemode, c.Status, c.Count }).ToListAsync(ct);
        if (stored.Count != kept.Count || stored.Except(kept).Any())
            throw new DatabaseCopyRefused("The link counts do not match the links.");
    }
}

public sealed class DatabaseCopyRefused(string message) : Exception(message);
