using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Forms;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>
/// What the create / edit form binds to. Validation is the domain's (<see cref="LinkSettings.Validate"/>),
/// mapped back onto these properties, so the form and the API can never disagree.
/// </summary>
public sealed partial class LinkFormModel
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
    public bool CustomerChoosesAmount { get; set; }
    public decimal? SuggestedAmount { get; set; }
    public bool AsksQuantity { get; set; }
    public int MaxQuantity { get; set; } = 10;
    public DetailMode Email { get; set; } = DetailMode.Optional;
    public DetailMode Name { get; set; }
    public DetailMode Phone { get; set; }
    public List<CustomFieldModel> CustomFields { get; set; } = [];

    /// <summary>Domain field name → the input whose message sits next to it.</summary>
    public FieldIdentifier FieldFor(string field) =>
        CustomFieldPart().Match(field) is { Success: true } part && int.Parse(part.Groups["index"].Value) is var index && index < CustomFields.Count
            ? new FieldIdentifier(CustomFields[index], part.Groups["property"].Value switch
            {
                "options" => nameof(CustomFieldModel.OptionsText),
                "kind" => nameof(CustomFieldModel.Kind),
                _ => nameof(CustomFieldModel.Label),
            })
            : new FieldIdentifier(this, PropertyFor(field));

    [GeneratedRegex(@"^custom_fields\[(?<index>\d)\]\.(?<property>\w+)$")]
    private static partial Regex CustomFieldPart();

    private static string PropertyFor(string field) => field switch
    {
        LinkSettings.Fields.Title => nameof(Title),
        LinkSettings.Fields.Description => nameof(Description),
        LinkSettings.Fields.Amount => nameof(Amount),
        LinkSettings.Fields.Currency => nameof(Currency),
        LinkSettings.Fields.MaxUsages => nameof(MaxUsages),
        LinkSettings.Fields.ExpiresAt => nameof(ExpiresOn),
        LinkSettings.Fields.RedirectUrl => nameof(RedirectUrl),
        LinkSettings.Fields.DisabledMessage => nameof(DisabledMessage),
        LinkSettings.Fields.SuggestedAmount => nameof(SuggestedAmount),
        LinkSettings.Fields.MaxQuantity => nameof(MaxQuantity),
        LinkSettings.Fields.CustomerDetails => nameof(Email),
        LinkSettings.Fields.CustomFields => nameof(CustomFields),
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
        CustomerChoosesAmount = settings.CustomerChoosesAmount,
        SuggestedAmount = settings.SuggestedAmount,
        AsksQuantity = settings.MaxQuantity is not null,
        MaxQuantity = settings.MaxQuantity ?? 10,
        Email = settings.CustomerDetails.Email,
        Name = settings.CustomerDetails.Name,
        Phone = settings.CustomerDetails.Phone,
        CustomFields = settings.CustomFields.Select(CustomFieldModel.From).ToList(),
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
        CustomerChoosesAmount = CustomerChoosesAmount,
        SuggestedAmount = CustomerChoosesAmount ? SuggestedAmount : null,
        MaxQuantity = AsksQuantity && !CustomerChoosesAmount ? MaxQuantity : null,
        CustomerDetails = new(Email, Name, Phone),
        CustomFields = CustomFields.Select(f => f.ToField()).ToList(),
    };
}
