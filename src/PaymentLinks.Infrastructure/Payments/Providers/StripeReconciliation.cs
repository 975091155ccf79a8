using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;
using Stripe;
using Stripe.Checkout;
using PaymentLink = PaymentLinks.Domain.Links.PaymentLink;

namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>
/// Asks Stripe about what it has not told us, every <see cref="StripeOptions.ReconcileInterval"/>: a pending payment
/// whose link stopped taking payments has its open session expired at Stripe (so nobody authorizes a payment the link
/// would refuse); one whose session should have ended is settled by what Stripe says of it (completed, or failed). Every
/// finding is logged. Captures and cancels not yet confirmed are <see cref="Rails.RailWorker"/>'s: it asks until Stripe confirms.
/// </summary>
public sealed class StripeReconciliation(
    IDbContextFactory<AppDbContext> contexts, StripeClients clients, StripeCheckout checkout, PaymentService payments,
    IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeReconciliation> logger)
    : PeriodicWork(options.Value.ReconcileInterval, clock, logger)
{
    private const int BatchSize = 100;

    /// <summary>Stripe may take a moment past a session's expiry to expire it and say so.</summary>
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(CancellationToken ct) => ReconcileAsync(ct);

    public async Task ReconcileAsync(CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow();
        var overdue = now - options.Value.SessionLifetime - ExpiryGrace;
        List<(PaymentAttempt Attempt, PaymentLink Link, StripeConnection Connection)> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            due = (await (
                    from attempt in db.PaymentAttempts.AsNoTracking()
                    join link in db.PaymentLinks.AsNoTracking() on attempt.LinkId equals link.Id
                    join connection in db.StripeConnections.AsNoTracking() on new { link.MerchantId, link.Livemode } equals new { connection.MerchantId, connection.Livemode }
                    where attempt.Provider == PaymentProvider.Stripe && attempt.Status == PaymentStatus.Pending && attempt.ProviderSessionId != null
                          && (link.Status != LinkStatus.Active || attempt.CreatedAt < overdue)
                    orderby attempt.CreatedAt
                    select new { attempt, link, connection })
                .Take(BatchSize).ToListAsync(ct))
                .Select(r => (r.attempt, r.link, r.connection)).ToList();
        }
        foreach (var (attempt, link, connection) in due)
        {
            try
            {
                await ReconcileAsync(attempt, link, connection, now, ct);
            }
            catch (Exception error) when (error is StripeException or HttpRequestException)
            {
                Logger.LogWarning("Stripe could not be asked about payment {PaymentId}; next round: {Message}", attempt.Id, LogText.WithoutAddresses(error.Message));
            }
        }
    }

    private async Task ReconcileAsync(PaymentAttempt attempt, PaymentLink link, StripeConnection connection, DateTimeOffset now, CancellationToken ct)
    {
        var sessions = new SessionService(clients.For(connection));
        var session = await sessions.GetAsync(attempt.ProviderSessionId, cancellationToken: ct);
        if (session.Status == "open" && link.PaymentRefusal(now) is not null)
        {
            session = await StripeCheckout.ExpireAsync(sessions, session, ct);
            if (session.Status == "expired")
            {
                Logger.LogInformation("Expired Stripe session {SessionId} of payment {PaymentId}: its link is {Status}", session.Id, attempt.Id, link.Status);
                await payments.SessionEndedAsync(attempt.Id, ct);
                return;
            }
        }
        if (session.Status != "open")
            Logger.LogInformation("Stripe session {SessionId} of payment {PaymentId} is {Status}; settling it", session.Id, attempt.Id, session.Status);
        await checkout.SettleAsync(attempt, session, ct);
    }
}
