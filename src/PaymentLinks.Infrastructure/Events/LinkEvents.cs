namespace PaymentLinks.Infrastructure.Events;

/// <summary>Something about one of a merchant's links changed and open views of it should refresh.</summary>
public sealed record LinkChanged(Guid MerchantId, Guid LinkId, LinkChangeKind Kind);

public enum LinkChangeKind
{
    Created,
    Edited,
    StatusChanged,
    CheckoutViewed,
    PaymentStarted,
    PaymentFinished,
}

/// <summary>
/// Fan-out of link changes to whoever shows them (dashboard circuits). Published after the change has
/// committed; delivered only to subscribers of the same merchant. In-process today; a cross-instance
/// implementation can replace it behind this interface.
/// </summary>
public interface ILinkEvents
{
    void Publish(LinkChanged change);

    IDisposable Subscribe(Guid merchantId, Func<LinkChanged, Task> onChange);
}
