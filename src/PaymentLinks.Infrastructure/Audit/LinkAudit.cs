using System.Globalization;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Audit;

/// <summary>What the audit log says of a person's or key's change to a link: created, edited (before → after), moved.</summary>
internal static class LinkAudit
{
    public static Task CreatedAsync(AppDbContext db, MerchantCaller caller, DateTimeOffset now, PaymentLink link, CancellationToken ct) =>
        db.RecordAsync(caller, now, AuditKinds.LinkCreated, link.Id, $"Created “{link.Title}” as {link.Status.ToDisplayName()}.", ct: ct);

    public static Task DuplicatedAsync(AppDbContext db, MerchantCaller caller, DateTimeOffset now, PaymentLink original, PaymentLink copy, CancellationToken ct) =>
        db.RecordAsync(caller, now, AuditKinds.LinkDuplicated, copy.Id, $"Duplicated “{original.Title}” as a new draft.", ct: ct);

    /// <summary>One entry per kind of change made: the edit of its settings, and the move of its state.</summary>
    public static async Task ChangedAsync(
        AppDbContext db, MerchantCaller caller, DateTimeOffset now, LinkSettings before, LinkStatus from, PaymentLink link, CancellationToken ct)
    {
        var after = link.CurrentSettings();
        var edits = AuditTrail.Differences(
            ("title", before.Title, after.Title),
            ("description", before.Description, after.Description),
            ("amount", Text(before.Amount), Text(after.Amount)),
            ("currency", before.Currency, after.Currency),
            ("max_usages", Text(before.MaxUsages), Text(after.MaxUsages)),
            ("expires_at", Text(before.ExpiresAt), Text(after.ExpiresAt)),
            ("redirect_url", before.RedirectUrl, after.RedirectUrl),
            ("disabled_message", before.DisabledMessage, after.DisabledMessage),
            ("max_quantity", Text(before.MaxQuantity), Text(after.MaxQuantity)),
            ("customer_chooses_amount", Text(before.CustomerChoosesAmount), Text(after.CustomerChoosesAmount)),
            ("suggested_amount", Text(before.SuggestedAmount), Text(after.SuggestedAmount)),
            ("maximum_amount", Text(before.MaximumAmount), Text(after.MaximumAmount)),
            ("customer_details", Text(before.CustomerDetails), Text(after.CustomerDetails)),
            ("custom_fields", Fields(before.CustomFields), Fields(after.CustomFields)),
            ("checkout_language", before.CheckoutLanguage, after.CheckoutLanguage));
        if (edits.Count > 0)
            await db.RecordAsync(caller, now, AuditKinds.LinkEdited, link.Id, $"Edited “{link.Title}”: {string.Join(", ", edits.Keys)}.", edits, ct: ct);
        if (link.Status != from)
            await db.RecordAsync(caller, now, AuditKinds.LinkMoved(Verb(from, link.Status)), link.Id,
                $"{char.ToUpperInvariant(Verb(from, link.Status)[0])}{Verb(from, link.Status)[1..]} “{link.Title}” ({from.ToDisplayName()} → {link.Status.ToDisplayName()}).",
                AuditTrail.Differences(("status", from.ToDisplayName(), link.Status.ToDisplayName())), ct: ct);
    }

    private static string Verb(LinkStatus from, LinkStatus to) => to switch
    {
        LinkStatus.Active when from == LinkStatus.Draft => "published",
        LinkStatus.Active => "enabled",
        LinkStatus.Draft => "unpublished",
        LinkStatus.Disabled => "disabled",
        LinkStatus.Expired => "expired",
        LinkStatus.Archived => "archived",
        _ => "moved",
    };

    private static string Fields(IReadOnlyList<CustomField> fields) =>
        string.Join("; ", fields.Select(f => $"{f.Label} ({f.Kind}{(f.Required ? ", required" : "")}{(f.Options is { Count: > 0 } options ? ": " + string.Join(", ", options) : "")})"));

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
