using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>
/// Which app instance sends an endpoint's deliveries: a lease on the endpoint's row, taken and renewed by one
/// conditional UPDATE, so that with several instances each endpoint still gets its events from one sender at a
/// time, in order. An instance that dies holding a lease loses it when it runs out; the delivery it was sending
/// stays pending and is sent again (at least once, as always).
/// </summary>
public sealed class EndpointSenderLeases(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int HolderMaxLength = 100;

    /// <summary>This process, as the holder of its leases.</summary>
    public string Holder { get; } = Truncated($"{Environment.ProcessId}/{Guid.NewGuid():N}@{Environment.MachineName}");

    /// <summary>Takes or renews the lease for <paramref name="length"/>; false when another live instance holds it.</summary>
    public async Task<bool> TryHoldAsync(Guid endpointId, TimeSpan length, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var until = now + length;
        return await db.WebhookEndpoints
            .Where(e => e.Id == endpointId && (e.SenderLeaseHolder == null || e.SenderLeaseHolder == Holder || e.SenderLeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.SenderLeaseHolder, Holder).SetProperty(e => e.SenderLeaseUntil, until), ct) == 1;
    }

    private static string Truncated(string holder) => holder.Length > HolderMaxLength ? holder[..HolderMaxLength] : holder;

    public async Task ReleaseAsync(Guid endpointId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.WebhookEndpoints
            .Where(e => e.Id == endpointId && e.SenderLeaseHolder == Holder)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.SenderLeaseHolder, (string?)null).SetProperty(e => e.SenderLeaseUntil, (DateTimeOffset?)null));
    }
}
