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
    IOptions<StripeOptions> options, ILogger<StripeEvents> logger)
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
        if (await AlreadyHandledAsync(stripeEvent.Id, ct))
            return StripeEventOutcome.Acknowledged;
        await HandleAsync(connection, stripeEvent, ct);
        await writes.RunAsync(async (db, now) =>
        {
            if (!await db.StripeEventReceipts.AnyAsync(r => r.EventId == stripeEvent.Id, ct))
                db.StripeEventReceipts.Add(new StripeEventReceipt(stripeEvent.Id, connection.MerchantId, stripeEvent.Type, now));
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
            case Charge charge when stripeEvent.Type == EventTypes.ChargeRefunded:
                foreach (var refund in charge.Refunds?.Data ?? [])
                    await RefundReportedAsync(connection, refund, ct);
                break;
            case Stripe.Refund refund when stripeEvent.Type == EventTypes.RefundUpdated:
                await RefundReportedAsync(connection, refund, ct);
                break;
        }
    }

    /// <summary>Stripe let go of an authorization we had not acted on (it lapsed, or was cancelled in Stripe's dashboard): the attempt fails.</summary>
    private async Task IntentCanceledAsync(StripeConnection connection, PaymentIntent intent, CancellationToken ct)
    {
        if (intent.Metadata?.GetValueOrDefault(StripeMetadata.PaymentId) is { } id && Guid.TryParse(id, out var paymentId)
            && (await checkout.FindAsync(connection.MerchantId, connection.Livemode, paymentId, ct)).Attempt is { IsFinished: false })
            await checkout.FailCanceledAsync(paymentId, ct);
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
            if (await db.Refunds.AnyAsync(r => r.ProviderRefundId == reported.Id, ct))
                return 0;
            var paymentId = await db.PaymentAttempts
                .Where(a => a.ProviderPaymentId == intent && a.Livemode == connection.Livemode
                            && db.PaymentLinks.Any(l => l.Id == a.LinkId && l.MerchantId == connection.MerchantId))
                .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (paymentId is null || await db.LockAttemptAsync(paymentId.Value, ct) is not { } payment)
                return 0;
            if (payment.RefundedAtProvider(connection.MerchantId, reported.Amount, reported.Id, now) is { } refund)
                db.Refunds.Add(refund);
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    private async Task<bool> AlreadyHandledAsync(string eventId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StripeEventReceipts.AnyAsync(r => r.EventId == eventId, ct);
    }
}
