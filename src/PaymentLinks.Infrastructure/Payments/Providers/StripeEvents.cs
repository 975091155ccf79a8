using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Persistence;
using Stripe;
using Stripe.Checkout;

namespace PaymentLinks.Infrastructure.Payments.Providers;

public enum StripeEventOutcome
{
    /// <summary>Handled now, or earlier (the same event id), or of a type we do not act on: Stripe stops sending it.</summary>
    Acknowledged,
    /// <summary>No connection has this webhook URL.</summary>
    UnknownEndpoint,
    /// <summary>Not signed with the connection's secret, or signed too long ago: nothing changes.</summary>
    BadSignature,
}

/// <summary>
/// Stripe's events for a merchant's account, at the URL of its connection. The signature is checked with the SDK's
/// <see cref="EventUtility"/>; each event id is acted on once (a receipt is kept once it was handled, and handling is
/// idempotent for the moment in between), and types we do not act on are acknowledged and ignored.
/// </summary>
public sealed class StripeEvents(
    IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, StripeClients clients, StripeCheckout checkout,
    PaymentService payments, IOptions<StripeOptions> options, ILogger<StripeEvents> logger)
{
    public async Task<StripeEventOutcome> ReceiveAsync(string webhookToken, string json, string? signature, CancellationToken ct = default)
    {
        StripeConnection? connection;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            connection = await db.StripeConnections.AsNoTracking().FirstOrDefaultAsync(c => c.WebhookToken == webhookToken, ct);
        if (connection is null)
            return StripeEventOutcome.UnknownEndpoint;
        if (connection.ProtectedWebhookSecret == "")
            return StripeEventOutcome.BadSignature;
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, signature ?? "", clients.WebhookSecretOf(connection),
                (long)options.Value.WebhookTolerance.TotalSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException error)
        {
            logger.LogWarning("A Stripe event for merchant {MerchantId} was refused: {Message}", connection.MerchantId, error.Message);
            return StripeEventOutcome.BadSignature;
        }
        if (await AlreadyHandledAsync(connection, stripeEvent.Id, ct))
            return StripeEventOutcome.Acknowledged;
        await HandleAsync(connection, stripeEvent, ct);
        await writes.RunAsync(async (db, now) =>
        {
            if (!await db.StripeEventReceipts.AnyAsync(Receipt(connection, stripeEvent.Id), ct))
                db.StripeEventReceipts.Add(new StripeEventReceipt(connection.MerchantId, connection.Livemode, stripeEvent.Id, stripeEvent.Type, now));
            return await db.SaveChangesAsync(ct);
        }, ct);
        return StripeEventOutcome.Acknowledged;
    }

    private async Task HandleAsync(StripeConnection connection, Event stripeEvent, CancellationToken ct)
    {
        switch (stripeEvent.Data.Object)
        {
            case Session session when stripeEvent.Type is EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionExpired:
                if (Guid.TryParse(session.ClientReferenceId, out var paymentId)
                    && (await checkout.FindAsync(connection.MerchantId, connection.Livemode, paymentId, ct)).Attempt is { } attempt)
                    await checkout.SettleAsync(attempt, session, ct);
                break;
            case PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentCanceled:
                await IntentCanceledAsync(connection, intent, ct);
                break;
            case Charge { PaymentIntentId: { } intentId } charge when stripeEvent.Type == EventTypes.ChargeRefunded:
                // Since API version 2022-11-15 a charge no longer carries its refunds: they are asked for.
                var refunds = charge.Refunds?.Data ?? (await new Stripe.RefundService(clients.For(connection))
                    .ListAsync(new RefundListOptions { PaymentIntent = intentId, Limit = 100 }, cancellationToken: ct)).Data;
                foreach (var refund in refunds)
                    await RefundReportedAsync(connection, refund, ct);
                break;
            case Stripe.Refund refund when stripeEvent.Type is EventTypes.RefundCreated or EventTypes.RefundUpdated:
                await RefundReportedAsync(connection, refund, ct);
                break;
        }
    }

    /// <summary>
    /// Stripe let go of an authorization (it lapsed after days, or was cancelled in Stripe's dashboard). A payment that
    /// was waiting on exactly that PaymentIntent fails; one already completed cannot be captured any more, which the
    /// log and the payment's page (the capture's last answer) say. The PaymentIntent of an expired session is cancelled
    /// too, and changes nothing: the session's own event settles its payment.
    /// </summary>
    private async Task IntentCanceledAsync(StripeConnection connection, PaymentIntent intent, CancellationToken ct)
    {
        if (intent.Metadata?.GetValueOrDefault(StripeMetadata.PaymentId) is not { } id || !Guid.TryParse(id, out var paymentId)
            || (await checkout.FindAsync(connection.MerchantId, connection.Livemode, paymentId, ct)).Attempt is not { } attempt
            || attempt.ProviderPaymentId != intent.Id)
            return;
        if (attempt.IsFinished)
            logger.LogWarning("Stripe cancelled PaymentIntent {IntentId} of payment {PaymentId}, which is {Status}", intent.Id, paymentId, attempt.Status);
        else
            await payments.FailAsync(paymentId, Domain.Common.RefusalCodes.PaymentDeclined, ct);
    }

    /// <summary>
    /// A refund Stripe reports: one of ours (its metadata names it) is confirmed; one made in Stripe's own dashboard is
    /// recorded on the payment as it arrives, once (by Stripe's id), and announced like ours.
    /// </summary>
    private Task RefundReportedAsync(StripeConnection connection, Stripe.Refund reported, CancellationToken ct)
    {
        if (reported.Status is not ("succeeded" or "pending") || reported.PaymentIntentId is not { } intent)
            return Task.CompletedTask;
        return writes.RunAsync(async (db, now) =>
        {
            if (reported.Metadata?.GetValueOrDefault(StripeMetadata.RefundId) is { } ours && Guid.TryParse(ours, out var refundId))
            {
                var mine = await db.Refunds.FirstOrDefaultAsync(r => r.Id == refundId && r.MerchantId == connection.MerchantId, ct);
                mine?.Succeed(now, reported.Id);
                return await db.SaveChangesAsync(ct);
            }
            var paymentId = await db.PaymentAttempts
                .Where(a => a.ProviderPaymentId == intent && a.Livemode == connection.Livemode
                            && db.PaymentLinks.Any(l => l.Id == a.LinkId && l.MerchantId == connection.MerchantId))
                .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            // Asked with the payment locked, so two deliveries of one refund at once count it once (and its id is unique).
            if (paymentId is null || await db.LockAttemptAsync(paymentId.Value, ct) is not { } payment
                || await db.Refunds.AnyAsync(r => r.ProviderRefundId == reported.Id, ct))
                return 0;
            if (payment.RefundedAtProvider(connection.MerchantId, reported.Amount, reported.Id, now) is { } refund)
                db.Refunds.Add(refund);
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>Per connection: two merchants who connected one Stripe account each receive, and handle, its events.</summary>
    private async Task<bool> AlreadyHandledAsync(StripeConnection connection, string eventId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StripeEventReceipts.AnyAsync(Receipt(connection, eventId), ct);
    }

    private static System.Linq.Expressions.Expression<Func<StripeEventReceipt, bool>> Receipt(StripeConnection connection, string eventId) =>
        r => r.MerchantId == connection.MerchantId && r.Livemode == connection.Livemode && r.EventId == eventId;
}
