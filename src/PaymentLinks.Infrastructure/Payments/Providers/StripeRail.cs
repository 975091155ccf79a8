using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Payments.Rails;
using PaymentLinks.Infrastructure.Persistence;
using Stripe;

namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>
/// Captures, cancels (voids) and refunds at the merchant's Stripe account, each sent with the operation's idempotency
/// key, so a retry after a crash or a timeout is answered with what Stripe already did. Anything short of Stripe's
/// confirmation is "not done", and <see cref="RailWorker"/> asks again later.
/// </summary>
public sealed class StripeRail(IDbContextFactory<AppDbContext> contexts, StripeClients clients, StripeConnections connections) : IPaymentRail
{
    public async Task<RailAnswer> CarryOutAsync(RailCall call, CancellationToken ct)
    {
        StripeConnection? connection;
        string? paymentIntent;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            connection = await db.StripeConnections.AsNoTracking().Of(call.MerchantId, call.Livemode).FirstOrDefaultAsync(ct);
            paymentIntent = await db.PaymentAttempts.Where(a => a.Id == call.PaymentId).Select(a => a.ProviderPaymentId).FirstOrDefaultAsync(ct);
        }
        if (connection is null)
            return RailAnswer.NotDone("Stripe is not connected for this mode; connect it again under Payment provider.");
        if (paymentIntent is null)
            return RailAnswer.NotDone("Stripe has not said which PaymentIntent the customer authorized.");
        var client = clients.For(connection);
        var request = new RequestOptions { IdempotencyKey = call.IdempotencyKey };
        try
        {
            return call.Action switch
            {
                RailAction.Capture => Captured(await new PaymentIntentService(client).CaptureAsync(paymentIntent,
                    new PaymentIntentCaptureOptions { AmountToCapture = call.AmountMinor }, request, ct)),
                RailAction.Void => Cancelled(await new PaymentIntentService(client).CancelAsync(paymentIntent, new PaymentIntentCancelOptions(), request, ct)),
                _ => Refunded(await RefundAsync(new Stripe.RefundService(client), paymentIntent, call, request, ct)),
            };
        }
        catch (StripeException error) when (error.StripeError?.Code == "payment_intent_unexpected_state")
        {
            // Done already under another key (a capture made in Stripe's dashboard), or never possible: Stripe's state says which.
            return AlreadyDone(call.Action, await new PaymentIntentService(client).GetAsync(paymentIntent, cancellationToken: ct));
        }
        catch (StripeException error)
        {
            await connections.NoteRefusalAsync(call.MerchantId, call.Livemode, error, ct);
            return RailAnswer.NotDone($"Stripe answered {(int)error.HttpStatusCode}: {error.Message}");
        }
    }

    /// <summary>
    /// Ours if Stripe already has it (its metadata names our refund), else a new one. Stripe keeps an idempotency key for
    /// 24 hours only, and a refund may be retried for longer: looking first keeps a late retry from refunding twice.
    /// </summary>
    private static async Task<Stripe.Refund> RefundAsync(Stripe.RefundService refunds, string paymentIntent, RailCall call, RequestOptions request, CancellationToken ct)
    {
        var refundId = call.RefundId.ToString()!;
        var made = await refunds.ListAsync(new RefundListOptions { PaymentIntent = paymentIntent, Limit = 100 }, cancellationToken: ct);
        return made.Data.FirstOrDefault(r => r.Metadata?.GetValueOrDefault(StripeMetadata.RefundId) == refundId)
            ?? await refunds.CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = paymentIntent,
                Amount = call.AmountMinor,
                Metadata = new() { [StripeMetadata.PaymentId] = call.PaymentId.ToString(), [StripeMetadata.RefundId] = refundId },
            }, request, ct);
    }

    private static RailAnswer Captured(PaymentIntent intent) =>
        intent.Status == "succeeded" ? RailAnswer.Confirmed(intent.Id) : RailAnswer.NotDone($"The PaymentIntent is {intent.Status}, not captured.");

    private static RailAnswer Cancelled(PaymentIntent intent) =>
        intent.Status == "canceled" ? RailAnswer.Confirmed(intent.Id) : RailAnswer.NotDone($"The PaymentIntent is {intent.Status}, not cancelled.");

    /// <summary>Stripe has taken the refund (<c>pending</c> while the card network carries it, then <c>succeeded</c>).</summary>
    private static RailAnswer Refunded(Stripe.Refund refund) =>
        refund.Status is "succeeded" or "pending" ? RailAnswer.Confirmed(refund.Id) : RailAnswer.NotDone($"Stripe's refund is {refund.Status}.");

    private static RailAnswer AlreadyDone(RailAction action, PaymentIntent intent) => action switch
    {
        RailAction.Capture => Captured(intent),
        RailAction.Void => Cancelled(intent),
        _ => RailAnswer.NotDone($"The PaymentIntent is {intent.Status}."),
    };
}

/// <summary>The keys of what we tell Stripe about our objects, read back from its events.</summary>
public static class StripeMetadata
{
    public const string PaymentId = "payment_id";
    public const string RefundId = "refund_id";
    public const string LinkId = "link_id";
}
