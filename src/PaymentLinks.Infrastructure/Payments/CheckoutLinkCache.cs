using System.Collections.Concurrent;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Branding;
using PaymentLinks.Infrastructure.Events;

namespace PaymentLinks.Infrastructure.Payments;

/// <summary>What a pay page reads of a link, its merchant and its brand.</summary>
internal sealed record CheckoutData(PaymentLink Link, string BusinessName, string ReturnSecret, BrandView Brand, string TimeZoneId, string? CheckoutLanguage);

/// <summary>
/// Pay-page reads kept in memory for a moment, so that a link shared widely is read from the database once, not
/// once per customer. A change to a link, made on this instance or (over PostgreSQL) on another, drops it at once;
/// a brand or business-name change drops the merchant's links here, and the short lifetime bounds what another
/// instance, or a notification lost on the way, can leave stale. It never decides a payment: whether a link can be
/// paid is worked out per request from the kept state and the clock, and every payment is decided again in a
/// transaction on the stored row.
/// </summary>
public sealed class CheckoutLinkCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byPublicId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _publicIdOf = new();
    private readonly TimeProvider _clock;
    private long _drops; // a read that overlapped a drop is not kept: it may predate the change

    private sealed record Entry(CheckoutData Data, long ReadAt);

    public CheckoutLinkCache(InProcessLinkEvents events, TimeProvider clock)
    {
        _clock = clock;
        events.Published += OnLinkChanged;
    }

    internal async Task<CheckoutData?> GetAsync(string publicId, Func<Task<CheckoutData?>> read)
    {
        if (_byPublicId.TryGetValue(publicId, out var kept) && _clock.GetElapsedTime(kept.ReadAt) < Lifetime)
            return kept.Data;
        var dropsBefore = Interlocked.Read(ref _drops);
        var readAt = _clock.GetTimestamp();
        var data = await read();
        if (data is null)
            return null; // unknown ids and drafts are not kept: publishing a draft must show at once
        if (_byPublicId.Count >= MaxEntries)
            Clear();
        _publicIdOf[data.Link.Id] = publicId;
        _byPublicId[publicId] = new Entry(data, readAt);
        if (Interlocked.Read(ref _drops) != dropsBefore)
            _byPublicId.TryRemove(publicId, out _);
        return data;
    }

    /// <summary>Drops a merchant's links, whose brand or business name has just changed.</summary>
    public void ForgetMerchant(Guid merchantId)
    {
        Interlocked.Increment(ref _drops);
        foreach (var (publicId, entry) in _byPublicId)
            if (entry.Data.Link.MerchantId == merchantId)
                _byPublicId.TryRemove(publicId, out _);
    }

    private void OnLinkChanged(LinkChanged change)
    {
        // Views and started payments change nothing a pay page shows.
        if (!change.Is(~(LinkChangeKind.CheckoutViewed | LinkChangeKind.PaymentStarted)))
            return;
        Interlocked.Increment(ref _drops);
        if (_publicIdOf.TryRemove(change.LinkId, out var publicId))
            _byPublicId.TryRemove(publicId, out _);
    }

    private void Clear()
    {
        Interlocked.Increment(ref _drops);
        _byPublicId.Clear();
        _publicIdOf.Clear();
    }
}
