using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Common;
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
    /// <summary>As typed: read by <see cref="AmountText"/> in the merchant's language, so 12,50 is never 1,250.</summary>
    public string? Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public bool SingleUse { get; set; }
    public int MaxUsages { get; set; } = LinkSettings.DefaultMaxUsages;
    /// <summary>The expiry's day and time of day, in the merchant's time zone.</summary>
    public DateTime? ExpiresOn { get; set; }
    public TimeSpan? ExpiresAtTime { get; set; }
    public string? RedirectUrl { get; set; }
    public string? DisabledMessage { get; set; }
    public bool CustomerChoosesAmount { get; set; }
    public string? SuggestedAmount { get; set; }
    public string? MaximumAmount { get; set; }
    public bool AsksQuantity { get; set; }
    public int MaxQuantity { get; set; } = 10;
    public DetailMode Email { get; set; } = DetailMode.Optional;
    public DetailMode Name { get; set; }
    public DetailMode Phone { get; set; }
    public List<CustomFieldModel> CustomFields { get; set; } = [];

    /// <summary>One of the checkout's languages, or <see cref="MerchantsLanguage"/>.</summary>
    public string CheckoutLanguage { get; set; } = MerchantsLanguage;

    /// <summary>The link has no language of its own: the merchant's choice for customers holds.</summary>
    public const string MerchantsLanguage = "";

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
        LinkSettings.Fields.MaximumAmount => nameof(MaximumAmount),
        LinkSettings.Fields.MaxQuantity => nameof(MaxQuantity),
        LinkSettings.Fields.CustomerDetails => nameof(Email),
        LinkSettings.Fields.CustomFields => nameof(CustomFields),
        LinkSettings.Fields.CheckoutLanguage => nameof(CheckoutLanguage),
        _ => nameof(Title),
    };

    public static LinkFormModel From(LinkSettings settings, MerchantContext time) => new()
    {
        Title = settings.Title,
        Description = settings.Description,
        Amount = settings.Amount == 0 ? null : AmountTyped(settings.Amount, time),
        Currency = string.IsNullOrEmpty(settings.Currency) ? "EUR" : settings.Currency,
        SingleUse = settings.MaxUsages == 1,
        MaxUsages = settings.MaxUsages,
        ExpiresOn = settings.ExpiresAt is { } expiry ? time.ToLocal(expiry).Date : null,
        ExpiresAtTime = settings.ExpiresAt is { } at ? time.ToLocal(at).TimeOfDay : null,
        RedirectUrl = settings.RedirectUrl,
        DisabledMessage = settings.DisabledMessage,
        CustomerChoosesAmount = settings.CustomerChoosesAmount,
        SuggestedAmount = settings.SuggestedAmount is { } suggested ? AmountTyped(suggested, time) : null,
        MaximumAmount = settings.MaximumAmount is { } maximum ? AmountTyped(maximum, time) : null,
        AsksQuantity = settings.MaxQuantity is not null,
        MaxQuantity = settings.MaxQuantity ?? 10,
        Email = settings.CustomerDetails.Email,
        Name = settings.CustomerDetails.Name,
        Phone = settings.CustomerDetails.Phone,
        CustomFields = settings.CustomFields.Select(CustomFieldModel.From).ToList(),
        CheckoutLanguage = settings.CheckoutLanguage ?? MerchantsLanguage,
    };

    /// <summary>
    /// Everything the merchant would be told on saving: amounts that do not read as numbers, then the domain's checks
    /// of the rest (an unreadable amount is not also "must be greater than zero").
    /// </summary>
    public IReadOnlyList<FieldError> Errors(MerchantContext merchant, IStringLocalizer<LinksText> text)
    {
        var unreadable = new List<FieldError>();
        void Read(string field, string? typed, string message)
        {
            if (!string.IsNullOrWhiteSpace(typed) && AmountText.Read(typed, merchant.DecimalSeparator) is null)
                unreadable.Add(new(field, text[message, merchant.DecimalSeparator == "," ? "12,50" : "12.50"].Value));
        }
        Read(LinkSettings.Fields.Amount, Amount, CustomerChoosesAmount ? "LinkForm.Unreadable.MinimumAmount" : "LinkForm.Unreadable.Amount");
        if (CustomerChoosesAmount)
        {
            Read(LinkSettings.Fields.SuggestedAmount, SuggestedAmount, "LinkForm.Unreadable.SuggestedAmount");
            Read(LinkSettings.Fields.MaximumAmount, MaximumAmount, "LinkForm.Unreadable.MaximumAmount");
        }
        var checks = ToSettings(merchant).Normalized().Validate().Where(e => unreadable.All(u => u.Field != e.Field));
        return [.. unreadable, .. checks];
    }

    /// <summary>What customers will be charged, as the pay page will show it; null until the amount reads and fits its currency.</summary>
    public string? PricePreview(MerchantContext merchant, IStringLocalizer<LinksText> text)
    {
        var settings = ToSettings(merchant).Normalized();
        if (!Currencies.IsKnown(settings.Currency) || settings.AmountProblem(settings.Amount, SettingName.Amount) is not null)
            return null;
        var price = Money.Format(settings.Amount, settings.Currency);
        return settings switch
        {
            { CustomerChoosesAmount: true } when settings.AmountProblem(settings.HighestChosenAmount, SettingName.MaximumAmount) is null =>
                text["LinkForm.Preview.Chosen", price, Money.Format(settings.HighestChosenAmount, settings.Currency)].Value,
            { CustomerChoosesAmount: true } => null,
            { MaxQuantity: not null } => text["LinkForm.Preview.PerUnit", price].Value,
            _ => text["LinkForm.Preview.Fixed", price].Value,
        };
    }

    /// <summary>A stored amount as the merchant would type it back: their decimal separator, no thousands separators.</summary>
    private static string AmountTyped(decimal amount, MerchantContext merchant) =>
        amount.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace(".", merchant.DecimalSeparator);

    public LinkSettings ToSettings(MerchantContext time) => new()
    {
        Title = Title,
        Description = Description,
        Amount = AmountText.Read(Amount, time.DecimalSeparator) ?? 0,
        Currency = Currency,
        MaxUsages = SingleUse ? 1 : MaxUsages,
        // A day without a time means the end of that day.
        ExpiresAt = ExpiresOn is { } day ? time.FromLocal(day.Date + (ExpiresAtTime ?? new TimeSpan(23, 59, 0))) : null,
        RedirectUrl = RedirectUrl,
        DisabledMessage = DisabledMessage,
        CustomerChoosesAmount = CustomerChoosesAmount,
        SuggestedAmount = CustomerChoosesAmount ? AmountText.Read(SuggestedAmount, time.DecimalSeparator) : null,
        MaximumAmount = CustomerChoosesAmount ? AmountText.Read(MaximumAmount, time.DecimalSeparator) : null,
        MaxQuantity = AsksQuantity && !CustomerChoosesAmount ? MaxQuantity : null,
        CustomerDetails = new(Email, Name, Phone),
        CustomFields = CustomFields.Select(f => f.ToField()).ToList(),
        CheckoutLanguage = CheckoutLanguage == MerchantsLanguage ? null : CheckoutLanguage,
    };
}
