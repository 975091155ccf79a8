using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Api.PaymentLinks;

/// <summary>Moving a link to another status: <c>PATCH …/status</c> and the deprecated one-word aliases.</summary>
public static partial class PaymentLinkEndpoints
{
    /// <summary>Third source's style: <c>{"status": "active" | "inactive" | "archived"}</c>, any case.</summary>
    private static async Task<LinkChangeAnswer> UpdateStatusAsync(string id, HttpContext http, PaymentLinkService service)
    {
        if (!ApiBody.TryParse<StatusUpdateRequest>(await ApiBody.ReadAsync(http.Request), out var request, out _, out var error))
            return error!;
        LinkStatus? target = request.Status?.Trim().ToLowerInvariant() switch
        {
            "active" => LinkStatus.Active,
            "inactive" => LinkStatus.Disabled,
            "archived" => LinkStatus.Archived,
            _ => null,
        };
        return target is null
            ? ApiRefusals.Invalid(new ApiFieldError("status", "status must be active, inactive or archived."))
            : await MoveAsync(id, target.Value, http, service);
    }

    private static async Task<LinkChangeAnswer> MoveAsync(string id, LinkStatus target, HttpContext http, PaymentLinkService service) =>
        AsLinkChange(await ApiResponder.WriteOnceAsync(
            () => service.MoveToAsync(ApiKeyAuthentication.CallerOf(http), id, target, LinkVersionHeaders.ExpectedVersion(http.Request), http.RequestAborted),
            moved => LinkAnswer(service, moved)));
}
