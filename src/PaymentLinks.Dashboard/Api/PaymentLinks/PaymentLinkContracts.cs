using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Api.PaymentLinks;

/// <summary>
/// A payment link as the API returns it. <c>version</c> grows with every change; it is also the ETag. With
/// <c>customer_chooses_amount</c>, <c>maximum_amount</c> is the most a customer may pay: the one set, or else 1,000 × the minimum.
/// <c>livemode</c> says whether it takes real money (a live key's link) or pays through the sandbox bank (a test key's).
/// <c>checkout_language</c> (one of the checkout's 43, e.g. <c>de</c>, <c>pt-BR</c>; null: the merchant's) is the language
/// of the link's pages for a customer whose browser asks for none of the checkout's.
/// </summary>
public sealed record PaymentLinkResponse(
    Guid Id,
    string PublicId,
    string Url,
    string Status,
    DateTimeOffset StatusChangedAt,
    bool IsActive,
    string Title,
    string? Description,
    decimal Amount,
    string Currency,
    int Usages,
    int MaxUsages,
    DateTimeOffset? ExpiresAt,
    string? RedirectUrl,
    string? DisabledMessage,
    bool CustomerChoosesAmount,
    decimal? SuggestedAmount,
    decimal? MaximumAmount,
    int? MaxQuantity,
    CustomerDetailsContract CustomerDetails,
    IReadOnlyList<CustomFieldContract> CustomFields,
    string? CheckoutLanguage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    bool Livemode)
{
    public static PaymentLinkResponse Of(LinkView link, string url) => new(
        link.Id, link.PublicId, url, link.Status.ToDisplayName(), link.StatusChangedAt, link.IsActive, link.Title,
        link.Description, link.Amount, link.Currency, link.Usages, link.MaxUsages, link.ExpiresAt, link.RedirectUrl,
        link.DisabledMessage, link.Settings.CustomerChoosesAmount, link.Settings.SuggestedAmount,
        link.Settings.CustomerChoosesAmount ? link.Settings.HighestChosenAmount : null, link.Settings.MaxQuantity,
        CustomerDetailsContract.Of(link.Settings.CustomerDetails), link.Settings.CustomFields.Select(CustomFieldContract.Of).ToList(),
        link.Settings.CheckoutLanguage, link.CreatedAt, link.UpdatedAt, link.Version, link.Livemode);
}

public sealed record PaymentLinkListResponse(IReadOnlyList<PaymentLinkResponse> Data, int TotalCount, int Limit, int Offset, bool HasMore);

/// <summary>
/// POST body. <c>status</c> is DRAFT or ACTIVE; omitted, the link is published at once (ACTIVE). With
/// <c>customer_chooses_amount</c>, <c>amount</c> is the least the customer may pay and <c>maximum_amount</c> (optional) the most.
/// </summary>
public sealed record CreatePaymentLinkRequest(
    string? Title,
    string? Description,
    decimal? Amount,
    string? Currency,
    int? MaxUsages,
    DateTimeOffset? ExpiresAt,
    string? RedirectUrl,
    string? DisabledMessage,
    bool? CustomerChoosesAmount,
    decimal? SuggestedAmount,
    decimal? MaximumAmount,
    int? MaxQuantity,
    CustomerDetailsContract? CustomerDetails,
    IReadOnlyList<CustomFieldContract?>? CustomFields,
    string? CheckoutLanguage,
    string? Status);

/// <summary>PATCH body: any of the editable fields, and/or a status to move to. Absent fields stay as they are; null clears an optional one.</summary>
public sealed record UpdatePaymentLinkRequest(
    string? Title,
    string? Description,
    decimal? Amount,
    string? Currency,
    int? MaxUsages,
    DateTimeOffset? ExpiresAt,
    string? RedirectUrl,
    string? DisabledMessage,
    bool? CustomerChoosesAmount,
    decimal? SuggestedAmount,
    decimal? MaximumAmount,
    int? MaxQuantity,
    CustomerDetailsContract? CustomerDetails,
    IReadOnlyList<CustomFieldContract?>? CustomFields,
    string? CheckoutLanguage,
    string? Status);

/// <summary>PATCH …/status body, in the style of the third source: active, inactive (= DISABLED) or archived.</summary>
public sealed record StatusUpdateRequest(string? Status);
