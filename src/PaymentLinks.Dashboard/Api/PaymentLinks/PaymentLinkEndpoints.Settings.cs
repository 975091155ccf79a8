using System.Text.Json.Nodes;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Api.PaymentLinks;

/// <summary>Request bodies to <see cref="LinkSettings"/>; option values the API cannot read are collected in <c>errors</c>.</summary>
public static partial class PaymentLinkEndpoints
{
    /// <summary>A new link's settings: what the request carried, the defaults for the rest.</summary>
    private static LinkSettings Created(LinkSettings defaults, CreatePaymentLinkRequest request, List<ApiFieldError> errors) => defaults with
    {
        Title = request.Title ?? "",
        Description = request.Description,
        Amount = request.Amount ?? 0,
        Currency = request.Currency ?? "",
        MaxUsages = request.MaxUsages ?? defaults.MaxUsages,
        ExpiresAt = request.ExpiresAt,
        RedirectUrl = request.RedirectUrl,
        DisabledMessage = request.DisabledMessage,
        CustomerChoosesAmount = request.CustomerChoosesAmount ?? false,
        SuggestedAmount = request.SuggestedAmount,
        MaximumAmount = request.MaximumAmount,
        MaxQuantity = request.MaxQuantity,
        CustomerDetails = request.CustomerDetails?.Over(defaults.CustomerDetails, errors) ?? defaults.CustomerDetails,
        CustomFields = CustomFieldContract.ToDomain(request.CustomFields, errors),
        CheckoutLanguage = request.CheckoutLanguage,
    };

    /// <summary>
    /// The link's settings with only the fields the request carried replaced (null clears an optional one); refused,
    /// with a message per field, when an option value cannot be read.
    /// </summary>
    private static Result<LinkSettings> Edited(LinkSettings current, UpdatePaymentLinkRequest request, JsonObject present)
    {
        var errors = new List<ApiFieldError>();
        var edited = Edited(current, request, present, errors);
        return errors.Count == 0 ? edited : Refusal.Invalid(errors.Select(e => new FieldError(e.Field, e.Message)).ToList());
    }

    private static LinkSettings Edited(LinkSettings current, UpdatePaymentLinkRequest request, JsonObject present, List<ApiFieldError> errors) => current with
    {
        Title = present.ContainsKey("title") ? request.Title ?? "" : current.Title,
        Description = present.ContainsKey("description") ? request.Description : current.Description,
        Amount = present.ContainsKey("amount") ? request.Amount ?? 0 : current.Amount,
        Currency = present.ContainsKey("currency") ? request.Currency ?? "" : current.Currency,
        MaxUsages = present.ContainsKey("max_usages") ? request.MaxUsages ?? 0 : current.MaxUsages,
        ExpiresAt = present.ContainsKey("expires_at") ? request.ExpiresAt : current.ExpiresAt,
        RedirectUrl = present.ContainsKey("redirect_url") ? request.RedirectUrl : current.RedirectUrl,
        DisabledMessage = present.ContainsKey("disabled_message") ? request.DisabledMessage : current.DisabledMessage,
        CustomerChoosesAmount = present.ContainsKey("customer_chooses_amount") ? request.CustomerChoosesAmount ?? false : current.CustomerChoosesAmount,
        SuggestedAmount = present.ContainsKey("suggested_amount") ? request.SuggestedAmount : current.SuggestedAmount,
        MaximumAmount = present.ContainsKey("maximum_amount") ? request.MaximumAmount : current.MaximumAmount,
        MaxQuantity = present.ContainsKey("max_quantity") ? request.MaxQuantity : current.MaxQuantity,
        CustomerDetails = request.CustomerDetails?.Over(current.CustomerDetails, errors) ?? current.CustomerDetails,
        CustomFields = present.ContainsKey("custom_fields") ? CustomFieldContract.ToDomain(request.CustomFields, errors) : current.CustomFields,
        CheckoutLanguage = present.ContainsKey("checkout_language") ? request.CheckoutLanguage : current.CheckoutLanguage,
    };
}
