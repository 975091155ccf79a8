using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>
/// How many links a merchant has in one mode and one stored status. Kept by database triggers on PaymentLinks (see the
/// LinkCounts migrations), in the same transaction as every insert, status change and delete, whichever code
/// writes it: a count never has to scan the links.
/// </summary>
public sealed class MerchantLinkCount
{
    public Guid MerchantId { get; private set; }
    public bool Livemode { get; private set; }
    public LinkStatus Status { get; private set; }
    public int Count { get; private set; }
}
