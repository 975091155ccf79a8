using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments;

public sealed record RefundView(
    Guid Id, Guid PaymentId, decimal Amount, string Currency, RefundReason Reason, RefundStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? SucceededAt, bool Livemode)
{
    public static RefundView Of(Refund refund) => new(
        refund.Id, refund.PaymentId, refund.Amount, refund.Currency, refund.Reason, refund.Status, refund.CreatedAt, refund.SucceededAt, refund.Livemode);
}

/// <summary>
/// Refunds, for the dashboard and the API alike: of the caller's own payments only (another merchant's or the other
/// mode's is not found), never beyond what was paid, however many are asked for at once.
/// </summary>
public sealed class RefundService(IDbContextFactory<AppDbContext> contexts, WriteTransactions writes)
{
    public static readonly Refusal PaymentNotFound = new Problem(PaymentProblems.PaymentNotFound, "No such payment.").As(RefusalCodes.NotFound);

    /// <summary>
    /// Refunds <paramref name="amount"/> of the payment, or all that remains of it when null. The refund and the
    /// rail's operation that carries it out (<see cref="Rails.RailOutbox"/>) are written together.
    /// </summary>
    public Task<Result<RefundView>> RefundAsync(
        MerchantCaller caller, Guid paymentId, decimal? amount, RefundReason reason, CancellationToken ct = default) =>
        writes.RunAsync<Result<RefundView>>(async (db, now) =>
        {
            // Locked first (on PostgreSQL; SQLite's writers queue anyway): two refunds of one payment are decided one
            // after the other, so the second sees what the first took.
            var payment = await db.LockAttemptAsync(paymentId, ct);
            if (payment is null || !await db.PaymentLinks.OwnedBy(caller).AnyAsync(l => l.Id == payment.LinkId, ct))
                return PaymentNotFound;
            if (await db.RefusalAsync(caller, Permission.Refund, now, ct) is { } notAllowed)
                return notAllowed;
            if (amount is { } asked && asked > 0 && asked <= payment.Amount && !Currencies.FitsMinorUnits(asked, payment.Currency))
            {
                var (what, digits) = (PaymentProblems.RefundAmount, Currencies.MinorUnitDigits(payment.Currency));
                return new Problem(LinkProblems.AmountTooPrecise, $"{what} has more decimals than {payment.Currency} allows ({digits}).", what, payment.Currency, digits)
                    .InvalidAt(RefundFields.Amount);
            }
            var refund = payment.Refund(caller.MerchantId, MinorUnitsOf(amount, payment), reason, now, caller.Actor);
            if (!refund.IsSuccess)
                return refund.Refusal;
            db.Refunds.Add(refund.Value);
            await db.RecordAsync(caller, now, AuditKinds.RefundCreated, payment.Id,
                $"Refunded {Money.Format(refund.Value.Amount, payment.Currency)} of a payment of {Money.Format(payment.Amount, payment.Currency)}.", ct: ct);
            await db.PaymentLinks.FirstAsync(l => l.Id == payment.LinkId, ct); // tracked: open pages of its link hear of the refund
            await db.SaveChangesAsync(ct);
            return RefundView.Of(refund.Value);
        }, ct);

    /// <summary>The refunds of each of these payments, oldest first; none for a payment that is not the caller's.</summary>
    public async Task<ILookup<Guid, RefundView>> OfPaymentsAsync(MerchantCaller caller, IReadOnlyCollection<Guid> paymentIds, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var links = db.PaymentLinks.OwnedBy(caller);
        var owned = db.PaymentAttempts.Where(a => links.Any(l => l.Id == a.LinkId));
        var refunds = await db.Refunds.AsNoTracking()
            .Where(r => paymentIds.Contains(r.PaymentId) && owned.Any(a => a.Id == r.PaymentId))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return refunds.Select(RefundView.Of).ToLookup(r => r.PaymentId);
    }

    /// <summary>The payment's refunds, oldest first; null when it is not the caller's.</summary>
    public async Task<IReadOnlyList<RefundView>?> ListAsync(MerchantCaller caller, Guid paymentId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owned = db.PaymentLinks.OwnedBy(caller);
        if (!await db.PaymentAttempts.AnyAsync(a => a.Id == paymentId && owned.Any(l => l.Id == a.LinkId), ct))
            return null;
        var refunds = await db.Refunds.AsNoTracking().Where(r => r.PaymentId == paymentId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return refunds.Select(RefundView.Of).ToList();
    }

    // Amounts out of range never reach minor units (a huge one would overflow): the payment's own rule refuses them.
    private static long? MinorUnitsOf(decimal? amount, PaymentAttempt payment) => amount switch
    {
        null => null,
        <= 0 => 0,
        var asked when asked > payment.Amount => long.MaxValue,
        var asked => Currencies.ToMinorUnits(asked.Value, payment.Currency),
    };
}
