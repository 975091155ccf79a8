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
/// committed; delivered only to subscribers of the same merchant. In-process over SQLite (one instance);
/// across instances over PostgreSQL (<see cref="PostgresLinkEvents"/>).
/// </summary>
public interface ILinkEvents
{
    void Publish(LinkChanged change);

    IDisposable Subscribe(Guid merchantId, Func<LinkChanged, Task> onChange);
}
