using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Api.Payments;

/// <summary>
/// A payment as the API returns it. <c>status</c> is PENDING, COMPLETED or FAILED; <c>amount</c> is what was charged,
/// <c>quantity</c> × <c>unit_amount</c>; <c>customer</c> and <c>custom_fields</c> hold what the customer gave at checkout.
/// </summary>
public sealed record PaymentResponse(
    Guid Id, Guid LinkId, string Status, decimal Amount, string Currency, int Quantity, decimal UnitAmount, PaymentCustomer Customer,
    IReadOnlyList<FieldAnswer> CustomFields, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, bool Livemode)
{
    public static PaymentResponse Of(PaymentView payment) => new(payment.Id, payment.LinkId, payment.Status.ToString().ToUpperInvariant(),
        payment.Amount, payment.Currency, payment.Quantity, payment.UnitAmount,
        new PaymentCustomer(payment.CustomerEmail, payment.CustomerName, payment.CustomerPhone), payment.Answers,
        payment.FailureReason, payment.CreatedAt, payment.FinishedAt, payment.Livemode);
}

/// <summary>The customer's details, each null when the link did not ask or the customer left it empty.</summary>
public sealed record PaymentCustomer(string? Email, string? Name, string? Phone);

public sealed record PaymentListResponse(IReadOnlyList<PaymentResponse> Data, int TotalCount, int Limit, int Offset, bool HasMore);

/// <summary>
/// <c>/api/v1/payments</c>: a merchant reads a payment of one of its links, for instance to confirm the
/// <c>payment_id</c> a customer's return carried before shipping anything.
/// </summary>
public static class PaymentEndpoints
{
    public static void MapPaymentApi(this IEndpointRouteBuilder endpoints)
    {
        var payments = endpoints.MapGroup("/api/v1/payments")
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .RequireRateLimiting(ApiSetup.RateLimitPolicy)
            .WithTags("Payments")
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);

        payments.MapGet("/{id}", GetAsync).WithName("GetPayment");
    }

    private static async Task<Results<ApiOk<PaymentResponse>, ApiNotFound>> GetAsync(string id, HttpContext http, PaymentService payments)
    {
        var caller = ApiKeyAuthentication.CallerOf(http.User);
        var payment = Guid.TryParse(id, out var paymentId) ? await payments.FindForMerchantAsync(caller, paymentId, http.RequestAborted) : null;
        return payment is null ? ApiRefusals.NotFound("payment") : new ApiOk<PaymentResponse>(PaymentResponse.Of(payment));
    }
}
