using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments;

/// <summary>A payment with what it bought and what the customer told the merchant.</summary>
public sealed record PaymentView(
    Guid Id, Guid LinkId, bool Livemode, decimal Amount, string Currency, int Quantity, PaymentStatus Status, string? FailureReason,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? CustomerEmail, string? CustomerName, string? CustomerPhone,
    IReadOnlyList<FieldAnswer> Answers)
{
    /// <summary>What has been refunded of it, and how it shows with that: PARTIALLY_REFUNDED, REFUNDED.</summary>
    public decimal RefundedAmount { get; init; }
    public PaymentState State { get; init; }

    /// <summary>The customer chose "approve later" and the rail has not answered yet.</summary>
    public bool Confirming { get; init; }

    /// <summary>When the rail confirmed taking the money (capture) or releasing it (void); null until it has.</summary>
    public DateTimeOffset? CapturedAt { get; init; }
    public DateTimeOffset? VoidedAt { get; init; }

    /// <summary>The customer authorizes at the merchant's provider (Stripe's page), not at the sandbox bank.</summary>
    public bool AtProvider { get; init; }

    /// <summary>The provider's own id of the payment it authorized (a Stripe PaymentIntent), to find it in the provider's dashboard.</summary>
    public string? ProviderPaymentId { get; init; }

    /// <summary>Whether the rail held money for it that is now released: a payment the link refused after the bank approved.</summary>
    public bool WasAuthorized { get; init; }

    public decimal RefundableAmount => Status == PaymentStatus.Completed ? Amount - RefundedAmount : 0;

    public bool IsFinished => Status != PaymentStatus.Pending;

    /// <summary>The price of one unit (the amount when one was bought).</summary>
    public decimal UnitAmount => Amount / Quantity;

    public static PaymentView Of(PaymentAttempt attempt) => new(
        attempt.Id, attempt.LinkId, attempt.Livemode, attempt.Amount, attempt.Currency, attempt.Quantity, attempt.Status, attempt.FailureReason,
        attempt.CreatedAt, attempt.FinishedAt, attempt.CustomerEmail, attempt.CustomerName, attempt.CustomerPhone, attempt.Answers)
    {
        RefundedAmount = attempt.RefundedAmount,
        State = attempt.State,
        Confirming = attempt is { Status: PaymentStatus.Pending, ConfirmationRequestedAt: not null },
        CapturedAt = attempt.CapturedAt,
        VoidedAt = attempt.VoidedAt,
        WasAuthorized = attempt.AuthorizedAt is not null,
        AtProvider = attempt.Provider != PaymentProvider.Sandbox,
        ProviderPaymentId = attempt.ProviderPaymentId,
    };
}

/// <summary>
/// The customer side: starting, completing and failing payment attempts on a link, by its public id.
/// Completion is atomic with the usage count, so a link never takes more payments than its limit.
/// </summary>
public sealed class PaymentService(IDbContextFactory<AppDbContext> contexts, WriteTransactions writes)
{
    /// <summary>
    /// Opens a PENDING attempt (the bank step) for what the customer chose and answered; refused with the
    /// reason the link cannot be paid, or with the answers at fault. A checkout token makes it idempotent:
    /// the same token (a re-submitted form) finds the attempt it started, which takes the new answers while
    /// it is still pending. <paramref name="language"/> is the one the customer paid in, which their mail speaks.
    /// </summary>
    public async Task<Result<PaymentView>> StartAsync(
        string publicId, string? checkoutToken = null, CheckoutAnswers? answers = null, string? language = null, CancellationToken ct = default)
    {
        answers ??= new CheckoutAnswers();
        return await writes.RunAsync<Result<PaymentView>>(async (db, now) =>
        {
            var link = await db.PaymentLinks.FirstOrDefaultAsync(l => l.PublicId == publicId, ct);
            // A draft is reported exactly like an unknown id: its existence is never revealed.
            if (link is null || link.Status == LinkStatus.Draft)
                return Refusal.NotFound();
            var earlier = checkoutToken is null ? null
                : await db.PaymentAttempts.FirstOrDefaultAsync(a => a.LinkId == link.Id && a.CheckoutToken == checkoutToken, ct);
            var refusal = link.PaymentRefusal(now);
            // A finished attempt stays as it ended; one the link can no longer take fails when the bank answers.
            if (earlier is { IsFinished: true } || (earlier is not null && refusal is not null))
                return PaymentView.Of(earlier);
            if (refusal is null)
            {
                var order = Order.From(link, answers);
                if (!order.IsSuccess)
                    return order.Refusal;
                if (earlier is null)
                    db.PaymentAttempts.Add(earlier = PaymentAttempt.Start(link, order.Value, now, checkoutToken, language));
                else
                    earlier.Take(order.Value, language); // in the language of the form sent last, which the mail then speaks
            }
            link.CatchUpWithClock(now);
            await db.SaveChangesAsync(ct);
            return refusal is null ? PaymentView.Of(earlier!) : refusal;
        }, ct);
    }

    /// <summary>
    /// The rail authorized: completes the attempt if the link still takes payments at this instant (its capture
    /// follows), else fails it with the link's reason (its authorization is voided). Asking again for a finished
    /// attempt returns it unchanged.
    /// </summary>
    public async Task<Result<PaymentView>> CompleteAsync(Guid paymentId, CancellationToken ct = default) =>
        await CompleteBelowLimitAsync(paymentId, ct) ?? await FinishAsync(paymentId, authorized: true, async (db, attempt, now) =>
        {
            // The link's row is locked (FinishAsync), so the link read here is the one this payment is counted on.
            var link = await db.PaymentLinks.FirstAsync(l => l.Id == attempt.LinkId, ct);
            if (link.CompletePayment(now, Actor.Payment(attempt.Id)).Refusal is { } refusal)
                attempt.RefuseAuthorized(refusal.Code, now);
            else
                attempt.Complete(now);
        }, ct);

    /// <summary>
    /// Most completions: the link stays ACTIVE after this payment (<see cref="PaymentLink.StaysActiveAfterPaymentAt"/>), so
    /// one conditional UPDATE writes what <see cref="PaymentLink.CompletePayment"/> changes, with no lock on the link taken before (on PostgreSQL the link's other payments wait only for that UPDATE
    /// and the commit, not for the whole transaction). Null when the link is at its last usage or refuses, or the attempt
    /// is gone or abandoned: <see cref="FinishAsync"/> decides those with the link locked and the aggregate read.
    /// </summary>
    private async Task<Result<PaymentView>?> CompleteBelowLimitAsync(Guid paymentId, CancellationToken ct)
    {
        return await writes.RunAsync<Result<PaymentView>?>(async (db, now) =>
        {
            var attempt = await db.LockAttemptAsync(paymentId, ct);
            if (attempt is { IsFinished: true }) // the bank answered twice: the payment stays as it ended
                return PaymentView.Of(attempt);
            if (attempt is null || attempt.IsAbandoned(now))
                return null;
            var counted = await db.PaymentLinks
                .Where(l => l.Id == attempt.LinkId)
                .Where(PaymentLink.StaysActiveAfterPaymentAt(now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(l => l.Usages, l => l.Usages + 1)
                    .SetProperty(l => l.Version, l => l.Version + 1)
                    .SetProperty(l => l.UpdatedAt, now), ct) == 1;
            if (!counted)
                return null;
            // Read after the count, so the payment's webhook event carries the link as this payment left it (and the
            // live notification finds the merchant it goes to).
            await db.PaymentLinks.FirstAsync(l => l.Id == attempt.LinkId, ct);
            attempt.Complete(now);
            await db.SaveChangesAsync(ct);
            return PaymentView.Of(attempt);
        }, ct);
    }

    /// <summary>
    /// The provider authorized <paramref name="providerPaymentId"/> for <paramref name="authorizedMinor"/>: kept with the
    /// attempt first (what its capture or void is asked of), then <see cref="CompleteAsync"/>; or, when the amount is not
    /// the attempt's (its order changed in another tab while the customer paid), refused and voided, never captured for
    /// an amount the customer did not approve. Asking again (the return and the webhook both arrive) changes nothing.
    /// </summary>
    public async Task<Result<PaymentView>> CompleteAtProviderAsync(
        Guid paymentId, string providerPaymentId, long authorizedMinor, CancellationToken ct = default)
    {
        var asApproved = await writes.RunAsync(async (db, _) =>
        {
            var attempt = await db.LockAttemptAsync(paymentId, ct);
            attempt?.AuthorizedAs(providerPaymentId);
            await db.SaveChangesAsync(ct);
            return attempt is null ? (bool?)null : attempt.AmountMinor == authorizedMinor;
        }, ct);
        return asApproved switch
        {
            null => Refusal.NotFound(),
            true => await CompleteAsync(paymentId, ct),
            false => await FinishAsync(paymentId, authorized: true, async (db, attempt, now) =>
            {
                await db.PaymentLinks.FirstAsync(l => l.Id == attempt.LinkId, ct);
                attempt.RefuseAuthorized(RefusalCodes.OrderChanged, now);
            }, ct),
        };
    }

    /// <summary>The customer was sent to the provider's page for <paramref name="sessionId"/>; false when the attempt has ended meanwhile.</summary>
    public Task<bool> SentToProviderAsync(Guid paymentId, PaymentProvider provider, string sessionId, CancellationToken ct = default) =>
        writes.RunAsync(async (db, _) =>
        {
            var attempt = await db.LockAttemptAsync(paymentId, ct);
            if (attempt is not { IsFinished: false })
                return false;
            attempt.SentTo(provider, sessionId);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    /// <summary>
    /// The bank declined (<see cref="RefusalCodes.PaymentDeclined"/>, or a reason of its own such as
    /// <see cref="RefusalCodes.InsufficientFunds"/>): the attempt fails and the link's usage stays as it was.
    /// </summary>
    public Task<Result<PaymentView>> FailAsync(Guid paymentId, string reason = RefusalCodes.PaymentDeclined, CancellationToken ct = default) =>
        FinishAsync(paymentId, authorized: false, async (db, attempt, now) =>
        {
            var link = await db.PaymentLinks.FirstAsync(l => l.Id == attempt.LinkId, ct);
            link.CatchUpWithClock(now);
            attempt.Fail(reason, now);
        }, ct);

    /// <summary>
    /// The provider's session ended without an authorization (it expired, or was expired because the link stopped
    /// taking payments): the attempt fails with the link's reason when it has one, so its customer reads why, else as abandoned.
    /// </summary>
    public Task<Result<PaymentView>> SessionEndedAsync(Guid paymentId, CancellationToken ct = default) =>
        FinishAsync(paymentId, authorized: false, async (db, attempt, now) =>
        {
            var link = await db.PaymentLinks.FirstAsync(l => l.Id == attempt.LinkId, ct);
            link.CatchUpWithClock(now);
            attempt.Fail(link.PaymentRefusal(now)?.Code ?? RefusalCodes.PaymentAbandoned, now);
        }, ct);

    /// <summary>
    /// The customer asked the bank to confirm later: the attempt stays pending, shown as confirming, until the rail's
    /// answer arrives (<see cref="Rails.SandboxConfirmations"/> for the sandbox bank). A finished one stays as it ended.
    /// </summary>
    public Task<Result<PaymentView>> AwaitConfirmationAsync(Guid paymentId, CancellationToken ct = default) =>
        writes.RunAsync<Result<PaymentView>>(async (db, now) =>
        {
            var attempt = await db.LockAttemptAsync(paymentId, ct);
            if (attempt is null)
                return Refusal.NotFound();
            if (!attempt.IsFinished && !attempt.IsAbandoned(now))
            {
                attempt.AwaitConfirmation(now);
                await db.SaveChangesAsync(ct);
            }
            return PaymentView.Of(attempt);
        }, ct);

    public async Task<PaymentView?> FindAsync(Guid paymentId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var attempt = await db.PaymentAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == paymentId, ct);
        return attempt is null ? null : PaymentView.Of(attempt);
    }

    /// <summary>A payment on one of the caller's links; another merchant's or the other mode's is not found.</summary>
    public async Task<PaymentView?> FindForMerchantAsync(MerchantCaller caller, Guid paymentId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owned = db.PaymentLinks.OwnedBy(caller);
        var attempt = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.Id == paymentId && owned.Any(l => l.Id == a.LinkId))
            .FirstOrDefaultAsync(ct);
        return attempt is null ? null : PaymentView.Of(attempt);
    }

    /// <summary>The attempt, only for the browser that started it (the one holding its checkout token).</summary>
    public async Task<PaymentView?> FindStartedWithAsync(Guid paymentId, string? checkoutToken, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var attempt = await db.PaymentAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == paymentId, ct);
        return attempt is not null && attempt.WasStartedWith(checkoutToken) ? PaymentView.Of(attempt) : null;
    }

    public async Task<PaymentView?> FindByCheckoutTokenAsync(Guid linkId, string checkoutToken, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var attempt = await db.PaymentAttempts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.LinkId == linkId && a.CheckoutToken == checkoutToken, ct);
        return attempt is null ? null : PaymentView.Of(attempt);
    }

    /// <summary>
    /// Finishes a pending attempt with <paramref name="finish"/>, which reads (tracks) the link it decides on. An
    /// abandoned one fails whatever the rail said; when the rail had <paramref name="authorized"/> it, its hold is voided.
    /// </summary>
    private async Task<Result<PaymentView>> FinishAsync(
        Guid paymentId, bool authorized, Func<AppDbContext, PaymentAttempt, DateTimeOffset, Task> finish, CancellationToken ct)
    {
        Guid? linkId;
        await using (var lookup = await contexts.CreateDbContextAsync(ct))
            linkId = await lookup.PaymentAttempts.Where(a => a.Id == paymentId).Select(a => (Guid?)a.LinkId).FirstOrDefaultAsync(ct);
        if (linkId is null)
            return Refusal.NotFound();
        return await writes.RunOnLinkAsync<Result<PaymentView>>(linkId.Value, async (db, now) =>
        {
            var attempt = await db.PaymentAttempts.FirstOrDefaultAsync(a => a.Id == paymentId, ct);
            if (attempt is null) // pruned as abandoned in between
                return Refusal.NotFound();
            if (attempt.IsFinished)
                return PaymentView.Of(attempt);
            if (attempt.IsAbandoned(now))
            {
                await db.PaymentLinks.FirstAsync(l => l.Id == attempt.LinkId, ct);
                if (authorized)
                    attempt.RefuseAuthorized(RefusalCodes.PaymentAbandoned, now);
                else
                    attempt.Fail(RefusalCodes.PaymentAbandoned, now);
            }
            else
                await finish(db, attempt, now);
            await db.SaveChangesAsync(ct);
            return PaymentView.Of(attempt);
        }, ct);
    }
}
