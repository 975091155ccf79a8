using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>
/// The sandbox bank's late answers: a test payment whose customer chose "approve later" is authorized once
/// <see cref="RailOptions.SandboxApproveLaterDelay"/> has passed, after the customer left the bank's page, as a
/// provider's webhook would arrive. Completing is idempotent, so instances answering the same payment at once count it once.
/// </summary>
public sealed class SandboxConfirmations(
    IDbContextFactory<AppDbContext> contexts, PaymentService payments, IOptions<RailOptions> options, TimeProvider clock,
    ILogger<SandboxConfirmations> logger) : PeriodicWork(options.Value.PollInterval, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => ConfirmDueAsync(ct);

    public async Task ConfirmDueAsync(CancellationToken ct = default)
    {
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var requestedBefore = Clock.GetUtcNow() - options.Value.SandboxApproveLaterDelay;
            due = await db.PaymentAttempts
                .Where(a => !a.Livemode && a.Provider == PaymentProvider.Sandbox && a.Status == PaymentStatus.Pending && a.ConfirmationRequestedAt != null && a.ConfirmationRequestedAt <= requestedBefore)
                .OrderBy(a => a.Id).Take(100).Select(a => a.Id).ToListAsync(ct);
        }
        foreach (var id in due)
            await payments.CompleteAsync(id, ct);
    }
}
