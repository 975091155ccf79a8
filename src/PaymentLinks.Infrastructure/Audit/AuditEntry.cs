using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Audit;

/// <summary>
/// One thing done on the merchant's side: who (a member or an API key, as they were named then), when, from which
/// address, and what changed. Written in the transaction of the change it records; never updated, and deleted only by
/// retention (<see cref="Housekeeping.RowPruner"/>).
/// </summary>
public sealed class AuditEntry
{
    public const int KindMaxLength = 40;
    public const int LabelMaxLength = 256;
    public const int SummaryMaxLength = 500;

    private AuditEntry() { }

    public AuditEntry(Guid merchantId, bool? livemode, DateTimeOffset at, Actor actor, string? actorLabel, string? address,
        string kind, string? subjectId, string summary, string? changes)
    {
        MerchantId = merchantId;
        Livemode = livemode;
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorLabel = actorLabel;
        Address = address;
        Kind = kind;
        SubjectId = subjectId;
        Summary = summary.Length > SummaryMaxLength ? summary[..SummaryMaxLength] : summary;
        Changes = changes;
    }

    /// <summary>In the order written: the log reads newest first by it.</summary>
    public long Id { get; private set; }
    public Guid MerchantId { get; private set; }

    /// <summary>The mode it happened in; none for what belongs to the whole business (members, its name).</summary>
    public bool? Livemode { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string? ActorId { get; private set; }

    /// <summary>The member's email or the key's name at the time: the log still says who after they are gone.</summary>
    public string? ActorLabel { get; private set; }
    public string? Address { get; private set; }

    /// <summary>What was done, as a dotted name (<c>link.published</c>, <c>member.role_changed</c>): <see cref="AuditKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>What it was done to: a link's, payment's, key's, endpoint's or member's id.</summary>
    public string? SubjectId { get; private set; }
    public string Summary { get; private set; } = "";

    /// <summary>For a change of settings: <c>{"field": ["before", "after"]}</c>.</summary>
    public string? Changes { get; private set; }
}
