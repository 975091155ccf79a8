using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>
/// Carries out the rail outbox (<see cref="RailOperation"/>): each due capture, void and refund is asked of its rail,
/// with its idempotency key, until the rail confirms; then the payment or refund records it. On several instances each
/// operation is claimed by one at a time (a lease on its row); a crash mid-call leaves the lease to run out, and the
/// retry's key makes the rail answer with what it already did.
/// </summary>
public sealed class RailWorker(
    IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, PaymentRails rails, IOptions<RailOptions> options,
    TimeProvider clock, ILogger<RailWorker> logger) : PeriodicWork(options.Value.PollInterval, clock, logger)
{
    private const int BatchSize = 100;

    protected override Task RunOnceAsync(CancellationToken ct) => CarryOutDueAsync(ct);

    /// <summary>One round: every operation due now, oldest first (a payment's capture before its refunds).</summary>
    public async Task CarryOutDueAsync(CancellationToken ct = default)
    {
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var now = Clock.GetUtcNow();
            due = await db.RailOperations.Where(o => o.Status == RailOperationStatus.Pending && o.NextAttemptAt <= now)
                .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Take(BatchSize).Select(o => o.Id).ToListAsync(ct);
        }
        foreach (var id in due)
            await CarryOutAsync(id, ct);
    }

    private async Task CarryOutAsync(Guid id, CancellationToken ct)
    {
        if (await ClaimAsync(id, ct) is not { } operation)
            return;
        using var span = ProductTracing.Source.StartActivity("rail operation");
        span?.SetTag("paymentlinks.rail.action", operation.Action.ToString());
        span?.SetTag("paymentlinks.rail", operation.Provider.ToString());
        RailAnswer answer;
        try
        {
            answer = rails.For(operation) is { } rail
                ? await rail.CarryOutAsync(operation.Call, ct)
                : RailAnswer.NotDone("No payment provider is connected for live mode.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            answer = RailAnswer.NotDone(error.Message);
        }
        await RecordAsync(id, answer, ct);
    }

    /// <summary>The operation, if this instance's conditional update moved its next attempt past the lease first.</summary>
    private async Task<RailOperation?> ClaimAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Clock.GetUtcNow();
        var claimed = await db.RailOperations
            .Where(o => o.Id == id && o.Status == RailOperationStatus.Pending && o.NextAttemptAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.NextAttemptAt, now + options.Value.Lease), ct) == 1;
        return claimed ? await db.RailOperations.AsNoTracking().FirstAsync(o => o.Id == id, ct) : null;
    }

    private Task RecordAsync(Guid id, RailAnswer answer, CancellationToken ct) => writes.RunAsync(async (db, now) =>
    {
        var operation = await db.RailOperations.FirstAsync(o => o.Id == id, ct);
        if (operation.Status == RailOperationStatus.Succeeded)
            return 0;
        if (!answer.Done)
        {
            operation.Retry(answer.Error ?? "The rail did not confirm.", options.Value.RetryBaseDelay, now);
            logger.LogWarning("{Action} of payment {PaymentId} not done (attempt {Attempts}): {Error}",
                operation.Action, operation.PaymentId, operation.Attempts, LogText.WithoutAddresses(operation.LastError));
        }
        else
        {
            operation.Succeed(answer.Reference, now);
            if (operation.RefundId is { } refundId)
                (await db.Refunds.FirstAsync(r => r.Id == refundId, ct)).Succeed(now, operation.Provider == PaymentProvider.Sandbox ? null : answer.Reference);
            else
                (await db.PaymentAttempts.FirstAsync(a => a.Id == operation.PaymentId, ct)).Settled(now);
        }
        return await db.SaveChangesAsync(ct);
    }, ct);
}
