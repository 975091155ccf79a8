using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>A link as every face of the product shows it: with its effective status at the time of reading.</summary>
public sealed record LinkView(
    Guid Id,
    string PublicId,
    Guid MerchantId,
    string Title,
    string? Description,
    decimal Amount,
    string Currency,
    int MaxUsages,
    int Usages,
    DateTimeOffset? ExpiresAt,
    string? RedirectUrl,
    string? DisabledMessage,
    LinkStatus Status,
    DateTimeOffset StatusChangedAt,
    bool AmountLocked,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public bool IsActive => Status == LinkStatus.Active;

    public IReadOnlyList<LinkTrigger> AvailableActions => LinkLifecycle.ActionsFrom(Status);

    public LinkSettings Settings => new()
    {
        Title = Title,
        Description = Description,
        Amount = Amount,
        Currency = Currency,
        MaxUsages = MaxUsages,
        ExpiresAt = ExpiresAt,
        RedirectUrl = RedirectUrl,
        DisabledMessage = DisabledMessage,
    };

    public static LinkView Of(PaymentLink link, DateTimeOffset now) => new(
        link.Id, link.PublicId, link.MerchantId, link.Title, link.Description, link.Amount, link.Currency,
        link.MaxUsages, link.Usages, link.ExpiresAt, link.RedirectUrl, link.DisabledMessage,
        link.EffectiveStatus(now), link.EffectiveStatusChangedAt(now), link.FirstPublishedAt is not null,
        link.CreatedAt, link.UpdatedAt, link.Version);
}

public sealed record LinkHistoryEntry(LinkStatus From, LinkStatus To, DateTimeOffset At, ActorKind ActorKind, string? ActorId);
