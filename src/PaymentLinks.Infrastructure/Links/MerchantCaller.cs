using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>
/// Who is calling the services: every call is scoped to this merchant's links in this mode (test or live), so
/// another merchant's data and the other mode's are alike simply not found.
/// </summary>
public sealed record MerchantCaller(Guid MerchantId, Actor Actor, bool Livemode)
{
    /// <summary>The member's email or the key's name, for the audit log.</summary>
    public string? Label { get; init; }

    /// <summary>The address the call came from, for the audit log.</summary>
    public string? Address { get; init; }
}

/// <summary>The one filter every merchant-side read of links goes through.</summary>
public static class MerchantScope
{
    public static IQueryable<PaymentLink> OwnedBy(this IQueryable<PaymentLink> links, MerchantCaller caller) =>
        links.Where(l => l.MerchantId == caller.MerchantId && l.Livemode == caller.Livemode);
}
