using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;
using Stripe;
using Stripe.Checkout;

namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>Where the customer goes to pay: Stripe's hosted page for the session, or, when Stripe could not be reached, nowhere.</summary>
public sealed record StripeRedirect(string? Url)
{
    public bool ProviderAnswered => Url is not null;
}

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
    /// <summary>Whether a link's customers pay at Stripe: every live link, and test links of a merchant who connected Stripe's test keys.</summary>
    public async Task<bool> PaysThroughStripeAsync(CheckoutView link, CancellationToken ct = default) =>
        link.Livemode || await connections.IsConnectedAsync(link.MerchantId, livemode: false, ct);

    /// <summary>
    /// The hosted page for a pending payment: its current session while that is still open for the same amount, else a
    /// new one. The idempotency key names the session it replaces, so a double-submitted form makes one session.
    /// </summary>
    public async Task<StripeRedirect> SendToStripeAsync(CheckoutView link, Guid paymentId, string checkoutBase, CancellationToken ct = default)
    {
        var (connection, attempt) = await FindAsync(link.MerchantId, link.Livemode, paymentId, ct);
        if (connection is null || attempt is not { IsFinished: false })
            return new StripeRedirect(null);
        var sessions = new SessionService(clients.For(connection));
        try
        {
            if (attempt.ProviderSessionId is { } current
                && await sessions.GetAsync(current, cancellationToken: ct) is { Status: "open", AmountTotal: var total } open
                && total == attempt.AmountMinor)
                return new StripeRedirect(open.Url);
            var session = await sessions.CreateAsync(SessionFor(link, attempt, checkoutBase),
                new RequestOptions { IdempotencyKey = $"checkout_{attempt.Id:N}_{attempt.ProviderSessionId ?? "first"}" }, ct);
            return await payments.SentToProviderAsync(attempt.Id, PaymentProvider.Stripe, session.Id, ct)
                ? new StripeRedirect(session.Url)
                : new StripeRedirect(null);
        }
        catch (StripeException error)
        {
            logger.LogWarning("Stripe refused a Checkout Session for payment {PaymentId}: {Status} {Message}", paymentId, error.HttpStatusCode, error.Message);
            if (StripeClients.RefusesKey(error))
                await connections.MarkKeyRefusedAsync(link.MerchantId, link.Livemode, $"Stripe refused the key: {error.Message}", ct);
            return new StripeRedirect(null);
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("Stripe did not answer for payment {PaymentId}: {Message}", paymentId, error.Message);
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
        catch (Exception error) when (error is StripeException or HttpRequestException || (error is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("Stripe could not be asked about payment {PaymentId}: {Message}", paymentId, error.Message);
            return false;
        }
    }

    /// <summary>
    /// What a session says for the attempt it was made for: complete → the PaymentIntent is authorized and the payment
    /// completes (or is refused by its link, and voided); expired → the attempt fails, unless a newer session replaced it.
    /// </summary>
    internal async Task SettleAsync(PaymentAttempt attempt, Session session, CancellationToken ct)
    {
        if (attempt.IsFinished)
            return;
        if (session is { Status: "complete", PaymentIntentId: { } intent })
            await payments.CompleteAtProviderAsync(attempt.Id, intent, ct);
        else if (session.Status == "expired" && session.Id == attempt.ProviderSessionId)
            await payments.SessionEndedAsync(attempt.Id, ct);
    }

    /// <summary>Stripe cancelled the PaymentIntent before we acted on it: nothing is held, so nothing is voided.</summary>
    internal Task FailCanceledAsync(Guid paymentId, CancellationToken ct) => payments.FailAsync(paymentId, RefusalCodes.PaymentDeclined, ct);

    /// <summary>The merchant's connection for the mode, and the attempt, only if it was made on one of that merchant's links in that mode.</summary>
    internal async Task<(StripeConnection? Connection, PaymentAttempt? Attempt)> FindAsync(Guid merchantId, bool livemode, Guid paymentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.StripeConnections.AsNoTracking().FirstOrDefaultAsync(c => c.MerchantId == merchantId && c.Livemode == livemode, ct);
        var attempt = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.Id == paymentId && a.Livemode == livemode && db.PaymentLinks.Any(l => l.Id == a.LinkId && l.MerchantId == merchantId))
            .FirstOrDefaultAsync(ct);
        return (connection, attempt);
    }

    private SessionCreateOptions SessionFor(CheckoutView link, PaymentAttempt attempt, string checkoutBase)
    {
        var metadata = new Dictionary<string, string> { [StripeMetadata.PaymentId] = attempt.Id.ToString(), [StripeMetadata.LinkId] = link.LinkId.ToString() };
        return new SessionCreateOptions
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
            // Stripe's page speaks the browser's language until the checkout has a language of its own to pass on.
            Locale = "auto",
            ExpiresAt = (clock.GetUtcNow() + options.Value.SessionLifetime).UtcDateTime,
            SuccessUrl = $"{checkoutBase}/pay/{link.PublicId}/stripe/{attempt.Id}",
            CancelUrl = $"{checkoutBase}/pay/{link.PublicId}",
        };
    }
}
