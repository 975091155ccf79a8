using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Domain.Common;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Api.Payments;

/// <summary>
/// A refund as the API returns it. <c>status</c> is PENDING until the payment's rail confirms it, then SUCCEEDED;
/// <c>reason</c> is one of requested_by_customer, duplicate, fraudulent, other.
/// </summary>
public sealed record RefundResponse(
    Guid Id, Guid PaymentId, decimal Amount, string Currency, string Reason, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SucceededAt, bool Livemode)
{
    public static RefundResponse Of(RefundView refund) => new(refund.Id, refund.PaymentId, refund.Amount, refund.Currency,
        RefundReasons.NameOf(refund.Reason), refund.Status.ToString().ToUpperInvariant(), refund.CreatedAt, refund.SucceededAt, refund.Livemode);
}

/// <summary>POST body: <c>amount</c> (a JSON number; all that remains when left out) and <c>reason</c> (requested_by_customer when left out).</summary>
public sealed record CreateRefundRequest(decimal? Amount, string? Reason);

public sealed record RefundListResponse(IReadOnlyList<RefundResponse> Data);

/// <summary>
/// <c>/api/v1/payments/{id}/refunds</c>: give back a completed payment in full or in parts, never more than was paid.
/// Honours <c>Idempotency-Key</c>, so a retried refund is the same refund.
/// </summary>
public static class RefundEndpoints
{
    public static void MapRefundApi(this RouteGroupBuilder payments)
    {
        payments.MapGet("/{id}/refunds", ListAsync).WithName("ListRefunds").WithTags("Refunds");
        payments.MapGroup("")
            .RequireAuthorization(ApiKeyAuthentication.WritePolicy)
            .RequirePermission(Permission.Refund)
            .DisableAntiforgery()
            .AddEndpointFilter(ApiBody.AnswerUnreadableBody)
            .AddEndpointFilter<IdempotencyFilter>()
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status422UnprocessableEntity)
            .MapPost("/{id}/refunds", CreateAsync).WithName("CreateRefund").WithTags("Refunds").Accepts<CreateRefundRequest>("application/json");
    }

    private static async Task<Results<ApiCreated<RefundResponse>, ApiInvalid, ApiNotFound, ApiConflict, ApiForbidden>> CreateAsync(
        string id, HttpContext http, RefundService refunds)
    {
        if (!Guid.TryParse(id, out var paymentId))
            return ApiRefusals.NotFound("payment");
        var body = await ApiBody.ReadAsync(http.Request);
        if (!ApiBody.TryParse<CreateRefundRequest>(string.IsNullOrWhiteSpace(body) ? "{}" : body, out var request, out _, out var error))
            return error!;
        var reason = RefundReason.RequestedByCustomer;
        if (request.Reason is not null && !RefundReasons.TryParse(request.Reason, out reason))
            return ApiRefusals.Invalid(new ApiFieldError(RefundFields.Reason, $"reason must be one of {string.Join(", ", RefundReasons.All)}."));
        var caller = ApiKeyAuthentication.CallerOf(http);
        return (await ApiResponder.WriteOnceAsync(() => refunds.RefundAsync(caller, paymentId, request.Amount, reason, http.RequestAborted), Answer))
            .As<ApiCreated<RefundResponse>, ApiInvalid, ApiNotFound, ApiConflict, ApiForbidden>();
    }

    private static async Task<Results<ApiOk<RefundListResponse>, ApiNotFound>> ListAsync(string id, HttpContext http, RefundService refunds)
    {
        var caller = ApiKeyAuthentication.CallerOf(http);
        var list = Guid.TryParse(id, out var paymentId) ? await refunds.ListAsync(caller, paymentId, http.RequestAborted) : null;
        return list is null ? ApiRefusals.NotFound("payment") : new ApiOk<RefundListResponse>(new RefundListResponse(list.Select(RefundResponse.Of).ToList()));
    }

    private static ApiAnswer Answer(Result<RefundView> refund) =>
        refund.IsSuccess ? new ApiCreated<RefundResponse>(RefundResponse.Of(refund.Value))
        : refund.Refusal.Code == RefusalCodes.NotFound ? ApiRefusals.NotFound("payment")
        : ApiRefusals.Of(refund.Refusal);
}
