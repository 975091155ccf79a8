using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>
/// Turns what a save is about to write into outbox events, so that the events commit (or not) with the change
/// itself: new history entries become link.* events, payments that just ended become payment.* events.
/// </summary>
public static class WebhookOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string? TypeOf(LinkStatus from, LinkStatus to) => to switch
    {
        LinkStatus.Active => from == LinkStatus.Disabled ? "link.enabled" : "link.published",
        LinkStatus.Disabled => "link.disabled",
        LinkStatus.Draft => "link.unpublished",
        LinkStatus.Expired => "link.expired",
        LinkStatus.Used => "link.used",
        LinkStatus.Archived => "link.archived",
        _ => null,
    };

    public static IReadOnlyList<WebhookEvent> Collect(ChangeTracker changes, DateTimeOffset now)
    {
        var links = changes.Entries<PaymentLink>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var events = new List<WebhookEvent>();

        // Payments first: a completing payment is what moves a link to USED.
        foreach (var entry in changes.Entries<PaymentAttempt>().Where(e => e.State == EntityState.Modified))
        {
            var wasPending = (PaymentStatus)entry.OriginalValues[nameof(PaymentAttempt.Status)]! == PaymentStatus.Pending;
            if (!wasPending || entry.Entity.Status == PaymentStatus.Pending || !links.TryGetValue(entry.Entity.LinkId, out var link))
                continue;
            var payment = entry.Entity;
            var type = payment.Status == PaymentStatus.Completed ? "payment.completed" : "payment.failed";
            events.Add(New(link.MerchantId, type, new
            {
                Payment = new
                {
                    payment.Id, Status = payment.Status.ToString().ToUpperInvariant(), payment.Amount, payment.Currency, payment.Quantity,
                    UnitAmount = payment.Amount / payment.Quantity,
                    Customer = new { Email = payment.CustomerEmail, Name = payment.CustomerName, Phone = payment.CustomerPhone },
                    CustomFields = payment.Answers, payment.FailureReason, payment.CreatedAt, payment.FinishedAt,
                },
                Link = Snapshot(link),
            }, now));
        }

        foreach (var change in changes.Entries<LinkStatusChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            if (TypeOf(change.From, change.To) is not { } type || !links.TryGetValue(change.LinkId, out var link))
                continue;
            events.Add(New(link.MerchantId, type, new
            {
                From = change.From.ToDisplayName(),
                To = change.To.ToDisplayName(),
                Actor = change.ActorKind.ToString(),
                Link = Snapshot(link),
            }, now));
        }
        return events;
    }

    private static object Snapshot(PaymentLink link) => new
    {
        link.Id, link.PublicId, Status = link.Status.ToDisplayName(), link.StatusChangedAt, link.Title, link.Amount,
        link.Currency, link.Usages, link.MaxUsages, link.ExpiresAt,
    };

    internal static WebhookEvent New(Guid merchantId, string type, object data, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var payload = JsonSerializer.Serialize(new { Id = id, Type = type, Created = now, Data = data }, Json);
        return new WebhookEvent(id, merchantId, type, payload, now);
    }
}
