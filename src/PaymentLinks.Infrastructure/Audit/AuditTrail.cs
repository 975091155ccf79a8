using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Audit;

/// <summary>
/// Adds the audit entry of a change to the context that saves the change, so both commit or neither does. Who acted,
/// and from where, come from the caller; a caller without a name (a service test's) is named from the database.
/// </summary>
public static class AuditTrail
{
    public static async Task RecordAsync(this AppDbContext db, MerchantCaller caller, DateTimeOffset now, string kind, object? subjectId,
        string summary, IReadOnlyDictionary<string, (string? Before, string? After)>? changes = null, bool modeless = false, CancellationToken ct = default)
    {
        var label = caller.Label ?? await LabelOfAsync(db, caller.Actor, ct);
        db.AuditEntries.Add(new AuditEntry(caller.MerchantId, modeless ? null : caller.Livemode, now, caller.Actor, label, caller.Address, kind,
            subjectId?.ToString(), summary, changes is { Count: > 0 } ? JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => new[] { c.Value.Before, c.Value.After })) : null));
    }

    /// <summary>The fields whose value differs, before and after.</summary>
    public static IReadOnlyDictionary<string, (string? Before, string? After)> Differences(params (string Field, string? Before, string? After)[] fields) =>
        fields.Where(f => f.Before != f.After).ToDictionary(f => f.Field, f => (f.Before, f.After));

    private static async Task<string?> LabelOfAsync(AppDbContext db, Actor actor, CancellationToken ct) => actor.Kind switch
    {
        ActorKind.MerchantUser => await db.Users.Where(u => u.Id == actor.Id).Select(u => u.Email).FirstOrDefaultAsync(ct),
        ActorKind.ApiKey when Guid.TryParse(actor.Id, out var keyId) => await db.ApiKeys.Where(k => k.Id == keyId).Select(k => k.Name).FirstOrDefaultAsync(ct),
        _ => null,
    };
}
