using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Dashboard.Api.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Api.PaymentLinks;

public static partial class PaymentLinkEndpoints
{
    /// <summary><c>GET …/{id}/payments</c>: one link's payments, newest first, with what each customer gave.</summary>
    private static async Task<Results<ApiOk<PaymentListResponse>, ApiInvalid, ApiNotFound>> ListPaymentsAsync(
        string id, HttpContext http, PaymentLinkService service, PaymentLedger ledger, RefundService refunds, string? limit, string? offset)
    {
        var errors = new List<ApiFieldError>();
        var (take, skip) = ApiPaging.Read(limit, offset, PaymentQuery.MaxPageSize, errors);
        if (errors.Count > 0)
            return ApiRefusals.Invalid([.. errors]);
        var caller = ApiKeyAuthentication.CallerOf(http);
        var link = await service.GetAsync(caller, id, http.RequestAborted);
        if (!link.IsSuccess)
            return ApiRefusals.Of(link.Refusal).As<ApiOk<PaymentListResponse>, ApiInvalid, ApiNotFound>();
        var page = await ledger.ListAsync(caller, new PaymentQuery { LinkId = link.Value.Id, Skip = skip, Take = take }, http.RequestAborted);
        var refunded = await refunds.OfPaymentsAsync(caller, page.Items.Select(row => row.Payment.Id).ToList(), http.RequestAborted);
        var data = page.Items.Select(row => PaymentResponse.Of(row.Payment, refunded[row.Payment.Id])).ToList();
        return new ApiOk<PaymentListResponse>(new(data, page.TotalCount, take, skip, skip + data.Count < page.TotalCount));
    }
}
