using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Api.PaymentLinks;

/// <summary>Moving a link to another status: <c>PATCH …/status</c> and the deprecated one-word aliases.</summary>
public static partial class PaymentLinkEndpoints
{
    /// <summary>Third source's style: <c>{"status": "active" | "inactive" | "archived"}</c>, any case.</summary>
    private static async Task<IResult> UpdateStatusAsync(string id, HttpContext http, PaymentLinkService service, ApiResponder responder)
    {
        var caller = ApiKeyAuthentication.CallerOf(http.User);
        var body = await ApiBody.ReadAsync(http.Request);
        return await responder.RunAsync(http, caller, body, async () =>
        {
            if (!ApiBody.TryParse<StatusUpdateRequest>(body, out var request, out _, out var error))
                return error!;
            LinkStatus? target = request.Status?.Trim().ToLowerInvariant() switch
            {
                "active" => LinkStatus.Active,
                "inactive" => LinkStatus.Disabled,
                "archived" => LinkStatus.Archived,
                _ => null,
            };
            if (target is null)
                return ApiResult.Invalid(new ApiFieldError("status", "status must be active, inactive or archived."));
            return await MoveResultAsync(caller, id, target.Value, http, service);
        });
    }

    private static async Task<IResult> MoveAsync(string id, LinkStatus target, HttpContext http, PaymentLinkService service, ApiResponder responder)
    {
        var caller = ApiKeyAuthentication.CallerOf(http.User);
        var body = await ApiBody.ReadAsync(http.Request);
        return await responder.RunAsync(http, caller, body, () => MoveResultAsync(caller, id, target, http, service));
    }

    private static async Task<ApiResult> MoveResultAsync(MerchantCaller caller, string id, LinkStatus target, HttpContext http, PaymentLinkService service)
    {
        if (!LinkVersionHeaders.TryReadIfMatch(http.Request, out var expectedVersion, out var ifMatchError))
            return ifMatchError!;
        return await ApiResponder.WriteOnceAsync(() => service.MoveToAsync(caller, id, target, expectedVersion, http.RequestAborted),
            moved => moved.IsSuccess ? ApiResult.Ok(Response(service, moved.Value)) : ApiResult.From(moved.Refusal));
    }
}
