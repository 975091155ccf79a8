// What every change of an existing link can answer (PATCH, PATCH …/status and the deprecated aliases). A 403 comes from
// the key's role (archiving with a role that may only edit); every write's handler declares it, as the service checks too.
global using LinkChangeAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    PaymentLinks.Dashboard.Api.ApiOk<PaymentLinks.Dashboard.Api.PaymentLinks.PaymentLinkResponse>, PaymentLinks.Dashboard.Api.ApiInvalid,
    PaymentLinks.Dashboard.Api.ApiNotFound, PaymentLinks.Dashboard.Api.ApiConflict, PaymentLinks.Dashboard.Api.ApiPreconditionFailed,
    PaymentLinks.Dashboard.Api.ApiForbidden>;
using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Dashboard.Api.Payments;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Api.PaymentLinks;

/// <summary>
/// <c>/api/v1/payment-links</c>: everything the dashboard can do to a link, for merchants' own systems.
/// Every handler goes through the same <see cref="PaymentLinkService"/> as the dashboard.
/// </summary>
public static partial class PaymentLinkEndpoints
{
    private static readonly (string Alias, LinkStatus Target)[] DeprecatedAliases =
    [
        ("expire", LinkStatus.Expired),
        ("deactivate", LinkStatus.Disabled),
        ("activate", LinkStatus.Active),
        ("archive", LinkStatus.Archived),
    ];

    public static void MapPaymentLinkApi(this IEndpointRouteBuilder endpoints)
    {
        var links = endpoints.MapGroup("/api/v1/payment-links")
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .RequirePermission(Permission.ViewLinks)
            .RequireRateLimiting(ApiSetup.RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter(ApiBody.AnswerUnreadableBody)
            .WithTags("Payment links")
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status429TooManyRequests);

        // Whatever changes a link needs a key with write access; a read-only key gets 403. The idempotency filter answers
        // an unusable key with 400 and a key reused with another request with 422. Each handler's own answers are its
        // return type, which the OpenAPI document lists.
        var writes = links.MapGroup("")
            .RequireAuthorization(ApiKeyAuthentication.WritePolicy)
            .RequirePermission(Permission.EditLinks)
            .AddEndpointFilter<IdempotencyFilter>()
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);

        writes.MapPost("", CreateAsync).WithName("CreatePaymentLink").Accepts<CreatePaymentLinkRequest>("application/json");
        links.MapGet("", ListAsync).WithName("ListPaymentLinks").DocumentedAsIntegers();
        links.MapGet("/{id}/payments", ListPaymentsAsync).WithName("ListPaymentLinkPayments").WithTags("Payments").DocumentedAsIntegers()
            .RequirePermission(Permission.ViewPayments);
        links.MapGet("/{id}", GetAsync).WithName("GetPaymentLink");
        writes.MapPatch("/{id}", UpdateAsync).WithName("UpdatePaymentLink").AddEndpointFilter(LinkVersionHeaders.RequireReadableIfMatch)
            .Accepts<UpdatePaymentLinkRequest>("application/json");
        writes.MapPatch("/{id}/status", UpdateStatusAsync).WithName("UpdatePaymentLinkStatus").AddEndpointFilter(LinkVersionHeaders.RequireReadableIfMatch)
            .Accepts<StatusUpdateRequest>("application/json");
        writes.MapPost("/{id}/duplicate", DuplicateAsync).WithName("DuplicatePaymentLink");

        foreach (var (alias, target) in DeprecatedAliases)
        {
            writes.MapPost($"/{{id}}/{alias}", (string id, HttpContext http, PaymentLinkService service) => MoveAsync(id, target, http, service))
                .WithName($"{char.ToUpperInvariant(alias[0])}{alias[1..]}PaymentLink")
                .AddEndpointFilter(LinkVersionHeaders.RequireReadableIfMatch)
                .MarkDeprecated($"PATCH /api/v1/payment-links/{{id}}/status");
        }
    }

    private static async Task<Results<ApiCreated<PaymentLinkResponse>, ApiInvalid, ApiConflict, ApiForbidden>> CreateAsync(HttpContext http, PaymentLinkService service)
    {
        if (!ApiBody.TryParse<CreatePaymentLinkRequest>(await ApiBody.ReadAsync(http.Request), out var request, out _, out var error))
            return error!;
        var publish = true;
        if (request.Status is not null)
        {
            if (!LinkStatusExtensions.TryParseDisplayName(request.Status, out var status) || status is not (LinkStatus.Draft or LinkStatus.Active))
                return ApiRefusals.Invalid(new ApiFieldError("status", "status must be DRAFT or ACTIVE."));
            publish = status == LinkStatus.Active;
        }
        var optionErrors = new List<ApiFieldError>();
        var settings = Created(service.NewSettings(), request, optionErrors);
        if (optionErrors.Count > 0)
            return ApiRefusals.Invalid([.. optionErrors]);
        var caller = ApiKeyAuthentication.CallerOf(http);
        return (await ApiResponder.WriteOnceAsync(() => service.CreateAsync(caller, settings, publish, http.RequestAborted),
            created => NewLinkAnswer(service, created)))
            .As<ApiCreated<PaymentLinkResponse>, ApiInvalid, ApiConflict, ApiForbidden>();
    }

    private static async Task<Results<ApiOk<PaymentLinkListResponse>, ApiInvalid>> ListAsync(
        HttpContext http, PaymentLinkService service, string? status, string? search, string? limit, string? offset, string? sort, string? order)
    {
        var errors = new List<ApiFieldError>();
        var statuses = new List<LinkStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (LinkStatusExtensions.TryParseDisplayName(name, out var parsed))
                statuses.Add(parsed);
            else
                errors.Add(new ApiFieldError("status", $"Unknown status '{name}'."));
        }
        var (take, skip) = ApiPaging.Read(limit, offset, LinkQuery.MaxPageSize, errors);
        var sortColumn = SortOf(sort);
        if (sortColumn is null)
            errors.Add(new ApiFieldError("sort", "sort must be one of created_at, title, amount, expires_at, status, usages."));
        if (order is not (null or "asc" or "desc"))
            errors.Add(new ApiFieldError("order", "order must be asc or desc."));
        if (errors.Count > 0)
            return ApiRefusals.Invalid([.. errors]);

        var query = new LinkQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            Search = search,
            Sort = sortColumn!.Value,
            Descending = order != "asc",
            Skip = skip,
            Take = take,
        };
        var page = await service.ListAsync(ApiKeyAuthentication.CallerOf(http), query, http.RequestAborted);
        var data = page.Items.Select(link => Response(service, link)).ToList();
        return new ApiOk<PaymentLinkListResponse>(new(data, page.TotalCount, take, query.Skip, query.Skip + data.Count < page.TotalCount));
    }

    private static async Task<Results<ApiOk<PaymentLinkResponse>, ApiNotFound>> GetAsync(string id, HttpContext http, PaymentLinkService service)
    {
        var found = await service.GetAsync(ApiKeyAuthentication.CallerOf(http), id, http.RequestAborted);
        return LinkAnswer(service, found).As<ApiOk<PaymentLinkResponse>, ApiNotFound>();
    }

    /// <summary>First source's style: editable fields and/or <c>{"status": "DISABLED"}</c>, in one request.</summary>
    private static async Task<LinkChangeAnswer> UpdateAsync(string id, HttpContext http, PaymentLinkService service)
    {
        if (!ApiBody.TryParse<UpdatePaymentLinkRequest>(await ApiBody.ReadAsync(http.Request), out var request, out var present, out var error))
            return error!;
        LinkStatus? target = null;
        if (request.Status is not null)
        {
            if (!LinkStatusExtensions.TryParseDisplayName(request.Status, out var parsed))
                return ApiRefusals.Invalid(new ApiFieldError("status", "status must be one of DRAFT, ACTIVE, DISABLED, EXPIRED, ARCHIVED."));
            target = parsed;
        }
        var edits = present.Any(field => field.Key != "status");
        var caller = ApiKeyAuthentication.CallerOf(http);
        return AsLinkChange(await ApiResponder.WriteOnceAsync(
            () => service.UpdateAsync(caller, id, edits ? current => Edited(current, request, present) : null, target,
                LinkVersionHeaders.ExpectedVersion(http.Request), http.RequestAborted),
            updated => LinkAnswer(service, updated)));
    }

    private static async Task<Results<ApiCreated<PaymentLinkResponse>, ApiNotFound, ApiForbidden>> DuplicateAsync(string id, HttpContext http, PaymentLinkService service) =>
        (await ApiResponder.WriteOnceAsync(() => service.DuplicateAsync(ApiKeyAuthentication.CallerOf(http), id, http.RequestAborted),
            copy => NewLinkAnswer(service, copy)))
            .As<ApiCreated<PaymentLinkResponse>, ApiNotFound, ApiForbidden>();

    private static LinkSort? SortOf(string? sort) => sort is null ? LinkSort.CreatedAt : LinkSorts.TryParse(sort, out var column) ? column : null;

    private static PaymentLinkResponse Response(PaymentLinkService service, LinkView link) => PaymentLinkResponse.Of(link, service.PublicUrlOf(link));

    /// <summary>The link as it now is, or why it was refused.</summary>
    private static ApiAnswer LinkAnswer(PaymentLinkService service, Result<LinkView> link) =>
        link.IsSuccess ? new ApiOk<PaymentLinkResponse>(Response(service, link.Value)) : ApiRefusals.Of(link.Refusal);

    /// <summary>A link just made (created or duplicated), or why it was refused.</summary>
    private static ApiAnswer NewLinkAnswer(PaymentLinkService service, Result<LinkView> link) =>
        link.IsSuccess ? new ApiCreated<PaymentLinkResponse>(Response(service, link.Value)) : ApiRefusals.Of(link.Refusal);

    private static LinkChangeAnswer AsLinkChange(ApiAnswer answer) =>
        answer.As<ApiOk<PaymentLinkResponse>, ApiInvalid, ApiNotFound, ApiConflict, ApiPreconditionFailed, ApiForbidden>();
}
