using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;
using Stripe;
using Stripe.Checkout;

namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>
/// Where the customer goes: Stripe's hosted page for the session; or, when the payment turned out to be settled already
/// (paid in another tab), its outcome; or, when Stripe could not be reached, neither.
/// </summary>
public sealed record StripeRedirect(string? Url, bool Settled = false);

/// <summary>
/// A customer's payment through Stripe's hosted Checkout: our pay page has validated the order, then a Checkout
/// Session is made for exactly that order (priced here, never by the browser), with manual capture, so that Stripe only
/// <em>authorizes</em>. The authorization then meets the link's usage count like any other (<see cref="PaymentService.CompleteAsync"/>),
/// and only a counted payment is captured.
/// </summary>
public sealed class StripeCheckout(
    IDbContextFactory<AppDbContext> contexts, StripeClients clients, StripeConnections connections, PaymentService payments,
    IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeCheckout> logger)
{
    private static readonly TimeSpan KeyWindow = TimeSpan.FromMinutes(5);

    /// <summary>Whether a link's customers pay at Stripe: every live link, and test links of a merchant who connected Stripe's test keys.</summary>
    public async Task<bool> PaysThroughStripeAsync(CheckoutView link, CancellationToken ct = default) =>
        link.Livemode || await connections.IsConnectedAsync(link.MerchantId, livemode: false, ct);

    /// <summary>
    /// The hosted page for a pending payment: its current session while that is still open for the same order, else a
    /// new one. Only one session of a payment can ever be paid: the current one is expired at Stripe before another is
    /// made, and if the customer paid it meanwhile (in another tab) the payment is settled by it instead.
    /// </summary>
    public async Task<StripeRedirect> SendToStripeAsync(CheckoutView link, Guid paymentId, string checkoutBase, CancellationToken ct = default)
    {
        var (connection, attempt) = await FindAsync(link.MerchantId, link.Livemode, paymentId, ct);
        if (connection is null || attempt is not { IsFinished: false })
            return new StripeRedirect(null);
        var sessions = new SessionService(clients.For(connection));
        try
        {
            if (attempt.ProviderSessionId is { } current)
            {
                var session = await sessions.GetAsync(current, cancellationToken: ct);
                if (session.Status == "open" && session.AmountTotal == attempt.AmountMinor)
                    return new StripeRedirect(session.Url);
                if (session.Status == "open")
                    session = await ExpireAsync(sessions, session, ct);
                if (session.Status == "complete")
                {
                    await SettleAsync(attempt, session, ct);
                    return new StripeRedirect(null, Settled: true);
                }
            }
            var (options, key) = SessionFor(link, attempt, checkoutBase);
            var created = await sessions.CreateAsync(options, new RequestOptions { IdempotencyKey = key }, ct);
            return await payments.SentToProviderAsync(attempt.Id, PaymentProvider.Stripe, created.Id, ct)
                ? new StripeRedirect(created.Url)
                : new StripeRedirect(null);
        }
        catch (StripeException error)
        {
            logger.LogWarning("Stripe refused a Checkout Session for payment {PaymentId}: {Status} {Message}", paymentId, error.HttpStatusCode, LogText.WithoutAddresses(error.Message));
            await connections.NoteRefusalAsync(link.MerchantId, link.Livemode, error, ct);
            return new StripeRedirect(null);
        }
        catch (Exception error) when (StripeClients.Unreachable(error, ct))
        {
            logger.LogWarning("Stripe did not answer for payment {PaymentId}: {Message}", paymentId, LogText.WithoutAddresses(error.Message));
            return new StripeRedirect(null);
        }
    }

    /// <summary>
    /// The customer is back from Stripe's page: the session is asked for (the webhook may come later, or never reach
    /// us) and an authorized one completes the payment. False when Stripe could not be asked; the webhook or
    /// reconciliation settles it then.
    /// </summary>
    public async Task<bool> SettleFromStripeAsync(Guid merchantId, bool livemode, Guid paymentId, CancellationToken ct = default)
    {
        var (connection, attempt) = await FindAsync(merchantId, livemode, paymentId, ct);
        if (connection is null || attempt?.ProviderSessionId is not { } sessionId)
            return false;
        try
        {
            var session = await new SessionService(clients.For(connection)).GetAsync(sessionId, cancellationToken: ct);
            await SettleAsync(attempt, session, ct);
            return true;
        }
        catch (Exception error) when (error is StripeException || StripeClients.Unreachable(error, ct))
        {
            logger.LogWarning("Stripe could not be asked about payment {PaymentId}: {Message}", paymentId, LogText.WithoutAddresses(error.Message));
            return false;
        }
    }

    /// <summary>
    /// What the attempt's current session says: complete → the PaymentIntent is authorized and the payment completes (or
    /// is refused by its link, and voided); expired at its time → the customer let it lapse, and the attempt fails. A
    /// session expired early was expired by us (replaced by a new one, or its link stopped taking payments), and whoever
    /// expired it decides.
    /// </summary>
    internal async Task SettleAsync(PaymentAttempt attempt, Session session, CancellationToken ct)
    {
        if (attempt.IsFinished)
            return;
        if (session.Id != attempt.ProviderSessionId)
        {
            // Sessions are replaced only once expired at Stripe, so an earlier one cannot have been paid.
            logger.LogWarning("Stripe session {SessionId} is not the current one of payment {PaymentId}; ignored", session.Id, attempt.Id);
            return;
        }
        if (session is { Status: "complete", PaymentIntentId: { } intent })
            await payments.CompleteAtProviderAsync(attempt.Id, intent, session.AmountTotal ?? 0, ct);
        else if (session.Status == "expired" && session.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
            await payments.SessionEndedAsync(attempt.Id, ct);
    }

    /// <summary>Expires an open session; a customer who paid at that very moment wins, and the session then says so.</summary>
    internal static async Task<Session> ExpireAsync(SessionService sessions, Session session, CancellationToken ct)
    {
        try
        {
            return await sessions.ExpireAsync(session.Id, cancellationToken: ct);
        }
        catch (StripeException error) when (error.HttpStatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            return await sessions.GetAsync(session.Id, cancellationToken: ct);
        }
    }

    /// <summary>The merchant's connection for the mode, and the attempt, only if it was made on one of that merchant's links in that mode.</summary>
    internal async Task<(StripeConnection? Connection, PaymentAttempt? Attempt)> FindAsync(Guid merchantId, bool livemode, Guid paymentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.StripeConnections.AsNoTracking().Of(merchantId, livemode).FirstOrDefaultAsync(ct);
        var attempt = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.Id == paymentId && a.Livemode == livemode && db.PaymentLinks.Any(l => l.Id == a.LinkId && l.MerchantId == merchantId))
            .FirstOrDefaultAsync(ct);
        return (connection, attempt);
    }

    /// <summary>
    /// The session for the attempt's order, and its idempotency key. Both are the same whenever they are asked for again
    /// within one <see cref="KeyWindow"/> for the same order and the same session replaced (a double-submitted form, a
    /// retry after a crash), so Stripe answers with the one session, never an idempotency error: the expiry is counted
    /// from the window's end, not from now.
    /// </summary>
    private (SessionCreateOptions Options, string Key) SessionFor(CheckoutView link, PaymentAttempt attempt, string checkoutBase)
    {
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / (long)KeyWindow.TotalSeconds;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((window + 1) * (long)KeyWindow.TotalSeconds) + options.Value.SessionLifetime;
        var order = $"{attempt.ProviderSessionId}|{attempt.AmountMinor}|{attempt.Quantity}|{attempt.CustomerEmail}|{attempt.Language}|{window}|{checkoutBase}";
        var key = $"checkout_{attempt.Id:N}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(order)))[..16]}";
        var metadata = new Dictionary<string, string> { [StripeMetadata.PaymentId] = attempt.Id.ToString(), [StripeMetadata.LinkId] = link.LinkId.ToString() };
        return (new SessionCreateOptions
        {
            Mode = "payment",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = attempt.Quantity,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = attempt.Currency.ToLowerInvariant(),
                        UnitAmount = attempt.AmountMinor / attempt.Quantity,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = link.Title },
                    },
                },
            ],
            PaymentIntentData = new SessionPaymentIntentDataOptions { CaptureMethod = "manual", Metadata = metadata },
            ClientReferenceId = attempt.Id.ToString(),
            Metadata = metadata,
            CustomerEmail = attempt.CustomerEmail,
            Locale = StripeLocales.For(attempt.Language),
            ExpiresAt = expiresAt.UtcDateTime,
            SuccessUrl = $"{checkoutBase}/pay/{link.PublicId}/stripe/{attempt.Id}",
            CancelUrl = $"{checkoutBase}/pay/{link.PublicId}",
        }, key);
    }
}
