namespace PaymentLinks.Domain.Links;

/// <summary>One entry of a link's history: from, to, when, and who or what moved it.</summary>
public sealed class LinkStatusChange
{
    private LinkStatusChange() { }

    internal LinkStatusChange(Guid linkId, LinkStatus from, LinkStatus to, DateTimeOffset at, Actor actor)
    {
        LinkId = linkId;
        From = from;
        To = to;
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
    }

    public long Id { get; private set; }
    public Guid LinkId { get; private set; }
    public LinkStatus From { get; private set; }
    public LinkStatus To { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string? ActorId { get; private set; }
}
