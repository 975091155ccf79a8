using PaymentLinks.Dashboard.Time;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>
/// What the create / edit form binds to. Validation is the domain's (<see cref="LinkSettings.Validate"/>),
/// mapped back onto these properties, so the form and the API can never disagree.
/// </summary>
public sealed class LinkFormModel
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public decimal? Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public bool SingleUse { get; set; }
    public int MaxUsages { get; set; } = LinkSettings.DefaultMaxUsages;
    public DateTime? ExpiresAtLocal { get; set; }
    public string? RedirectUrl { get; set; }
    public string? DisabledMessage { get; set; }

    /// <summary>Domain field name → the property whose message sits next to it.</summary>
    public static string PropertyFor(string field) => field switch
    {
        LinkSettings.Fields.Title => nameof(Title),
        LinkSettings.Fields.Description => nameof(Description),
        LinkSettings.Fields.Amount => nameof(Amount),
        LinkSettings.Fields.Currency => nameof(Currency),
        LinkSettings.Fields.MaxUsages => nameof(MaxUsages),
        LinkSettings.Fields.ExpiresAt => nameof(ExpiresAtLocal),
        LinkSettings.Fields.RedirectUrl => nameof(RedirectUrl),
        LinkSettings.Fields.DisabledMessage => nameof(DisabledMessage),
        _ => nameof(Title),
    };

    public static LinkFormModel From(LinkSettings settings, MerchantTime time) => new()
    {
        Title = settings.Title,
        Description = settings.Description,
        Amount = settings.Amount == 0 ? null : settings.Amount,
        Currency = string.IsNullOrEmpty(settings.Currency) ? "EUR" : settings.Currency,
        SingleUse = settings.MaxUsages == 1,
        MaxUsages = settings.MaxUsages,
        ExpiresAtLocal = settings.ExpiresAt is { } expiry ? time.ToLocal(expiry) : null,
        RedirectUrl = settings.RedirectUrl,
        DisabledMessage = settings.DisabledMessage,
    };

    public LinkSettings ToSettings(MerchantTime time) => new()
    {
        Title = Title,
        Description = Description,
        Amount = Amount ?? 0,
        Currency = Currency,
        MaxUsages = SingleUse ? 1 : MaxUsages,
        ExpiresAt = ExpiresAtLocal is { } local ? time.FromLocal(local) : null,
        RedirectUrl = RedirectUrl,
        DisabledMessage = DisabledMessage,
    };
}
