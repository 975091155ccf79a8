using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>
/// A link as every face of the product shows it: with its effective status at the time of reading. Its
/// configuration is the aggregate's own <see cref="LinkSettings"/>, so a new setting is added in one place.
/// </summary>
public sealed record LinkView(
    Guid Id,
    string PublicId,
    Guid MerchantId,
    bool Livemode,
    LinkSettings Settings,
    int Usages,
    LinkStatus Status,
    DateTimeOffset StatusChangedAt,
    bool AmountLocked,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public string Title => Settings.Title;
    public string? Description => Settings.Description;
    public decimal Amount => Settings.Amount;
    public string Currency => Settings.Currency;
    public int MaxUsages => Settings.MaxUsages;
    public DateTimeOffset? ExpiresAt => Settings.ExpiresAt;
    public string? RedirectUrl => Settings.RedirectUrl;
    public string? DisabledMessage => Settings.DisabledMessage;

    public bool IsActive => Status == LinkStatus.Active;

    public IReadOnlyList<LinkTrigger> AvailableActions => LinkLifecycle.ActionsFrom(Status);

    public static LinkView Of(PaymentLink link, DateTimeOffset now) => new(
        link.Id, link.PublicId, link.MerchantId, link.Livemode, link.CurrentSettings(), link.Usages,
        link.EffectiveStatus(now), link.EffectiveStatusChangedAt(now), link.FirstPublishedAt is not null,
        link.CreatedAt, link.UpdatedAt, link.Version);
}

public sealed record LinkHistoryEntry(LinkStatus From, LinkStatus To, DateTimeOffset At, ActorKind ActorKind, string? ActorId);
