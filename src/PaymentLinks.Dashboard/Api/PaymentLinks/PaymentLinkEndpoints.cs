using PaymentLinks.Dashboard.Api.Payments;
using PaymentLinks.Domain.Links;
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
            .RequireRateLimiting(ApiSetup.RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter(ApiBody.AnswerUnreadableBody)
            .WithTags("Payment links")
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status429TooManyRequests);

        // Whatever changes a link needs a key with write access; a read-only key gets 403.
        var writes = links.MapGroup("")
            .RequireAuthorization(ApiKeyAuthentication.WritePolicy)
            .AddEndpointFilter<IdempotencyFilter>()
            .ProducesApiErrors(StatusCodes.Status403Forbidden);

        writes.MapPost("", CreateAsync).WithName("CreatePaymentLink")
            .Accepts<CreatePaymentLinkRequest>("application/json").Produces<PaymentLinkResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        links.MapGet("", ListAsync).WithName("ListPaymentLinks")
            .Produces<PaymentLinkListResponse>().ProducesApiErrors(StatusCodes.Status400BadRequest).DocumentedAsIntegers();
        links.MapGet("/{id}/payments", ListPaymentsAsync).WithName("ListPaymentLinkPayments").WithTags("Payments")
            .Produces<PaymentListResponse>().ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound).DocumentedAsIntegers();
        links.MapGet("/{id}", GetAsync).WithName("GetPaymentLink")
            .Produces<PaymentLinkResponse>().ProducesApiErrors(StatusCodes.Status404NotFound);
        writes.MapPatch("/{id}", UpdateAsync).WithName("UpdatePaymentLink").AddEndpointFilter(LinkVersionHeaders.RequireReadableIfMatch)
            .Accepts<UpdatePaymentLinkRequest>("application/json").Produces<PaymentLinkResponse>()
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);
        writes.MapPatch("/{id}/status", UpdateStatusAsync).WithName("UpdatePaymentLinkStatus").AddEndpointFilter(LinkVersionHeaders.RequireReadableIfMatch)
            .Accepts<StatusUpdateRequest>("application/json").Produces<PaymentLinkResponse>()
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);
        writes.MapPost("/{id}/duplicate", DuplicateAsync).WithName("DuplicatePaymentLink")
            .Produces<PaymentLinkResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        foreach (var (alias, target) in DeprecatedAliases)
        {
            writes.MapPost($"/{{id}}/{alias}", (string id, HttpContext http, PaymentLinkService service) => MoveAsync(id, target, http, service))
                .WithName($"{char.ToUpperInvariant(alias[0])}{alias[1..]}PaymentLink")
                .AddEndpointFilter(LinkVersionHeaders.RequireReadableIfMatch)
                .Produces<PaymentLinkResponse>()
                .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                    StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity)
                .MarkDeprecated($"PATCH /api/v1/payment-links/{{id}}/status");
        }
    }

    private static async Task<IResult> CreateAsync(HttpContext http, PaymentLinkService service)
    {
        if (!ApiBody.TryParse<CreatePaymentLinkRequest>(await ApiBody.ReadAsync(http.Request), out var request, out _, out var error))
            return ApiResponder.Write(error!);
        var publish = true;
        if (request.Status is not null)
        {
            if (!LinkStatusExtensions.TryParseDisplayName(request.Status, out var status) || status is not (LinkStatus.Draft or LinkStatus.Active))
                return ApiResponder.Write(ApiResult.Invalid(new ApiFieldError("status", "status must be DRAFT or ACTIVE.")));
            publish = status == LinkStatus.Active;
        }
        var optionErrors = new List<ApiFieldError>();
        var settings = Created(service.NewSettings(), request, optionErrors);
        if (optionErrors.Count > 0)
            return ApiResponder.Write(ApiResult.Invalid([.. optionErrors]));
        var caller = ApiKeyAuthentication.CallerOf(http.User);
        return await ApiResponder.WriteOnceAsync(http, () => service.CreateAsync(caller, settings, publish, http.RequestAborted),
            created => created.IsSuccess ? ApiResult.Created(Response(service, created.Value)) : ApiResult.From(created.Refusal));
    }

    private static async Task<IResult> ListAsync(
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
            return ApiResponder.Write(ApiResult.Invalid([.. errors]));

        var query = new LinkQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            Search = search,
            Sort = sortColumn!.Value,
            Descending = order != "asc",
            Skip = skip,
            Take = take,
        };
        var page = await service.ListAsync(ApiKeyAuthentication.CallerOf(http.User), query, http.RequestAborted);
        var data = page.Items.Select(link => Response(service, link)).ToList();
        return ApiResponder.Write(ApiResult.Ok(new PaymentLinkListResponse(data, page.TotalCount, take, query.Skip, query.Skip + data.Count < page.TotalCount)));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, PaymentLinkService service)
    {
        var found = await service.GetAsync(ApiKeyAuthentication.CallerOf(http.User), id, http.RequestAborted);
        return ApiResponder.Write(http, found.IsSuccess ? ApiResult.Ok(Response(service, found.Value)) : ApiResult.From(found.Refusal));
    }

    /// <summary>First source's style: editable fields and/or <c>{"status": "DISABLED"}</c>, in one request.</summary>
    private static async Task<IResult> UpdateAsync(string id, HttpContext http, PaymentLinkService service)
    {
        if (!ApiBody.TryParse<UpdatePaymentLinkRequest>(await ApiBody.ReadAsync(http.Request), out var request, out var present, out var error))
            return ApiResponder.Write(error!);
        LinkStatus? target = null;
        if (request.Status is not null)
        {
            if (!LinkStatusExtensions.TryParseDisplayName(request.Status, out var parsed))
                return ApiResponder.Write(ApiResult.Invalid(new ApiFieldError("status", "status must be one of DRAFT, ACTIVE, DISABLED, EXPIRED, ARCHIVED.")));
            target = parsed;
        }
        var edits = present.Any(field => field.Key != "status");
        var caller = ApiKeyAuthentication.CallerOf(http.User);
        return await ApiResponder.WriteOnceAsync(http,
            () => service.UpdateAsync(caller, id, edits ? current => Edited(current, request, present) : null, target,
                LinkVersionHeaders.ExpectedVersion(http.Request), http.RequestAborted),
            updated => updated.IsSuccess ? ApiResult.Ok(Response(service, updated.Value)) : ApiResult.From(updated.Refusal));
    }

    private static Task<IResult> DuplicateAsync(string id, HttpContext http, PaymentLinkService service) =>
        ApiResponder.WriteOnceAsync(http, () => service.DuplicateAsync(ApiKeyAuthentication.CallerOf(http.User), id, http.RequestAborted),
            copy => copy.IsSuccess ? ApiResult.Created(Response(service, copy.Value)) : ApiResult.From(copy.Refusal));

    private static LinkSort? SortOf(string? sort) => sort is null ? LinkSort.CreatedAt : LinkSorts.TryParse(sort, out var column) ? column : null;

    private static PaymentLinkResponse Response(PaymentLinkService service, LinkView link) => PaymentLinkResponse.Of(link, service.PublicUrlOf(link));
}
