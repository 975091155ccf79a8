namespace PaymentLinks.Infrastructure.Events;

/// <summary>Something about one of a merchant's links changed and open views of it should refresh.</summary>
/// <summary>
/// What a committed change did to one link, so that a view can ignore what it does not show, and the link's version
/// after it (0 when the change left the version as it was), so that a view can ignore what it already shows.
/// </summary>
public sealed record LinkChanged(Guid MerchantId, Guid LinkId, LinkChangeKind Kind, int Version = 0)
{
    public bool Is(LinkChangeKind any) => (Kind & any) != 0;
}

/// <summary>The parts of a link a change touched; one transaction may touch several (a payment that uses a link up).</summary>
[Flags]
public enum LinkChangeKind
{
    None = 0,
    Created = 1,
    Edited = 2,
    StatusChanged = 4,
    CheckoutViewed = 8,
    PaymentStarted = 16,

    /// <summary>A payment completed or failed; a completed one also counted a usage.</summary>
    PaymentFinished = 32,
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
