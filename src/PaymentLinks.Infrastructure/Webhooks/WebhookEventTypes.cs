using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>
/// Turns what a save is about to write into outbox events, so that the events commit (or not) with the change
/// itself: new history entries become link.* events, payments that just ended become payment.* events, new refunds
/// payment.refunded events.
/// </summary>
public static class WebhookOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string? TypeOf(LinkStatus from, LinkStatus to) => to switch
    {
        LinkStatus.Active => from == LinkStatus.Disabled ? WebhookEventNames.LinkEnabled : WebhookEventNames.LinkPublished,
        LinkStatus.Disabled => WebhookEventNames.LinkDisabled,
        LinkStatus.Draft => WebhookEventNames.LinkUnpublished,
        LinkStatus.Expired => WebhookEventNames.LinkExpired,
        LinkStatus.Used => WebhookEventNames.LinkUsed,
        LinkStatus.Archived => WebhookEventNames.LinkArchived,
        _ => null,
    };

    public static IReadOnlyList<WebhookEvent> Collect(ChangeTracker changes, DateTimeOffset now)
    {
        var links = changes.Entries<PaymentLink>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var events = new List<WebhookEvent>();

        // Payments first: a completing payment is what moves a link to USED.
        foreach (var (payment, link) in RailOutbox.FinishedPayments(changes))
        {
            var type = payment.Status == PaymentStatus.Completed ? WebhookEventNames.PaymentCompleted : WebhookEventNames.PaymentFailed;
            events.Add(New(link.MerchantId, link.Livemode, type, new PaymentEventData(PaymentPayload.Of(payment), LinkSnapshot.Of(link)), now));
        }

        foreach (var (refund, payment) in RailOutbox.NewRefunds(changes))
            events.Add(New(refund.MerchantId, refund.Livemode, WebhookEventNames.PaymentRefunded,
                new RefundEventData(RefundPayload.Of(refund), PaymentPayload.Of(payment)), now));

        foreach (var change in changes.Entries<LinkStatusChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            if (TypeOf(change.From, change.To) is not { } type || !links.TryGetValue(change.LinkId, out var link))
                continue;
            events.Add(New(link.MerchantId, link.Livemode, type,
                new LinkEventData(change.From.ToDisplayName(), change.To.ToDisplayName(), change.ActorKind.ToString(), LinkSnapshot.Of(link)), now));
        }
        return events;
    }

    internal static WebhookEvent New(Guid merchantId, bool livemode, string type, object data, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var payload = JsonSerializer.Serialize(new WebhookEnvelope(id, type, now, livemode, data), Json);
        return new WebhookEvent(id, merchantId, livemode, type, payload, now);
    }
}
