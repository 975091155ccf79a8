using PaymentLinks.Dashboard.Identity;
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
    /// <summary>The expiry's day and time of day, in the merchant's time zone.</summary>
    public DateTime? ExpiresOn { get; set; }
    public TimeSpan? ExpiresAtTime { get; set; }
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
        LinkSettings.Fields.ExpiresAt => nameof(ExpiresOn),
        LinkSettings.Fields.RedirectUrl => nameof(RedirectUrl),
        LinkSettings.Fields.DisabledMessage => nameof(DisabledMessage),
        _ => nameof(Title),
    };

    public static LinkFormModel From(LinkSettings settings, MerchantContext time) => new()
    {
        Title = settings.Title,
        Description = settings.Description,
        Amount = settings.Amount == 0 ? null : settings.Amount,
        Currency = string.IsNullOrEmpty(settings.Currency) ? "EUR" : settings.Currency,
        SingleUse = settings.MaxUsages == 1,
        MaxUsages = settings.MaxUsages,
        ExpiresOn = settings.ExpiresAt is { } expiry ? time.ToLocal(expiry).Date : null,
        ExpiresAtTime = settings.ExpiresAt is { } at ? time.ToLocal(at).TimeOfDay : null,
        RedirectUrl = settings.RedirectUrl,
        DisabledMessage = settings.DisabledMessage,
    };

    public LinkSettings ToSettings(MerchantContext time) => new()
    {
        Title = Title,
        Description = Description,
        Amount = Amount ?? 0,
        Currency = Currency,
        MaxUsages = SingleUse ? 1 : MaxUsages,
        // A day without a time means the end of that day.
        ExpiresAt = ExpiresOn is { } day ? time.FromLocal(day.Date + (ExpiresAtTime ?? new TimeSpan(23, 59, 0))) : null,
        RedirectUrl = RedirectUrl,
        DisabledMessage = DisabledMessage,
    };
}
