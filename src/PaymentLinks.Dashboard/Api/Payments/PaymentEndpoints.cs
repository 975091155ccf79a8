using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Api.Payments;

/// <summary>
/// A payment as the API returns it. <c>status</c> is PENDING, COMPLETED, PARTIALLY_REFUNDED, REFUNDED or FAILED;
/// <c>amount</c> is what was charged, <c>quantity</c> × <c>unit_amount</c>, and <c>amount_refunded</c> what has been given
/// back of it, in <c>refunds</c>; <c>customer</c> and <c>custom_fields</c> hold what the customer gave at checkout.
/// </summary>
public sealed record PaymentResponse(
    Guid Id, Guid LinkId, string Status, decimal Amount, string Currency, int Quantity, decimal UnitAmount, PaymentCustomer Customer,
    IReadOnlyList<FieldAnswer> CustomFields, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, bool Livemode,
    decimal AmountRefunded, IReadOnlyList<RefundResponse> Refunds)
{
    public static PaymentResponse Of(PaymentView payment, IEnumerable<RefundView> refunds) => new(payment.Id, payment.LinkId,
        payment.State.ToDisplayName(), payment.Amount, payment.Currency, payment.Quantity, payment.UnitAmount,
        new PaymentCustomer(payment.CustomerEmail, payment.CustomerName, payment.CustomerPhone), payment.Answers,
        payment.FailureReason, payment.CreatedAt, payment.FinishedAt, payment.Livemode, payment.RefundedAmount,
        refunds.Select(RefundResponse.Of).ToList());
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
            .RequirePermission(Permission.ViewPayments)
            .RequireRateLimiting(ApiSetup.RateLimitPolicy)
            .WithTags("Payments")
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);

        payments.MapGet("/{id}", GetAsync).WithName("GetPayment");
        payments.MapRefundApi();
    }

    private static async Task<Results<ApiOk<PaymentResponse>, ApiNotFound>> GetAsync(string id, HttpContext http, PaymentService payments, RefundService refunds)
    {
        var caller = ApiKeyAuthentication.CallerOf(http);
        var payment = Guid.TryParse(id, out var paymentId) ? await payments.FindForMerchantAsync(caller, paymentId, http.RequestAborted) : null;
        if (payment is null)
            return ApiRefusals.NotFound("payment");
        return new ApiOk<PaymentResponse>(PaymentResponse.Of(payment, (await refunds.OfPaymentsAsync(caller, [paymentId], http.RequestAborted))[paymentId]));
    }
}
