using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>One movement the sandbox bank made, under the idempotency key it was asked with (its primary key).</summary>
public sealed class SandboxBankEntry
{
    private SandboxBankEntry() { }

    public SandboxBankEntry(string key, RailAction action, Guid paymentId, long amountMinor, DateTimeOffset at)
    {
        Key = key;
        Action = action;
        PaymentId = paymentId;
        AmountMinor = amountMinor;
        At = at;
    }

    public string Key { get; private set; } = "";
    public RailAction Action { get; private set; }
    public Guid PaymentId { get; private set; }
    public long AmountMinor { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// Test mode's rail: a bank of its own that keeps a ledger of what it did, as a real one would. It honours idempotency
/// keys (the same key answers with the same entry, never a second movement) and a bank's rules: a voided payment is
/// never captured nor a captured one voided, and refunds never exceed what was captured.
/// </summary>
public sealed class SandboxBank(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IPaymentRail
{
    public async Task<RailAnswer> CarryOutAsync(RailCall call, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.SandboxBankEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Key == call.IdempotencyKey, ct) is { } done)
            return RailAnswer.Confirmed(done.Key);
        var earlier = await db.SandboxBankEntries.AsNoTracking().Where(e => e.PaymentId == call.PaymentId).ToListAsync(ct);
        var captured = earlier.Where(e => e.Action == RailAction.Capture).Sum(e => e.AmountMinor);
        var refunded = earlier.Where(e => e.Action == RailAction.Refund).Sum(e => e.AmountMinor);
        var problem = call.Action switch
        {
            RailAction.Capture when earlier.Any(e => e.Action == RailAction.Void) => "The authorization was voided.",
            RailAction.Void when captured > 0 => "The payment was captured.",
            RailAction.Refund when captured == 0 => "The payment is not captured yet.",
            RailAction.Refund when refunded + call.AmountMinor > captured => "The refund exceeds what was captured.",
            _ => null,
        };
        if (problem is not null)
            return RailAnswer.NotDone(problem);
        db.SandboxBankEntries.Add(new SandboxBankEntry(call.IdempotencyKey, call.Action, call.PaymentId, call.AmountMinor, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Asked twice at once (two workers after a lease ran out): the other call made the movement, or this is a fault.
            if (!await ExistsAsync(call.IdempotencyKey, ct))
                throw;
        }
        return RailAnswer.Confirmed(call.IdempotencyKey);
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SandboxBankEntries.AnyAsync(e => e.Key == key, ct);
    }
}
