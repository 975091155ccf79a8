using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;

namespace PaymentLinks.Dashboard.Api.Events;

/// <param name="Type">A member (<c>member</c>) or an API key (<c>api_key</c>).</param>
public sealed record EventActor(string Type, string? Id, string? Name);

/// <param name="Changes">For a change of settings: each field's value before and after.</param>
public sealed record EventResponse(
    long Id, DateTimeOffset CreatedAt, string Kind, EventActor Actor, string? Address, string? SubjectId, string Summary,
    IReadOnlyDictionary<string, string?[]>? Changes);

public sealed record EventListResponse(IReadOnlyList<EventResponse> Data, int Limit, bool HasMore);

/// <summary>
/// <c>GET /api/v1/events</c>: the business's audit log, newest first, as the Activity page shows it; page on with
/// <c>starting_after</c> (the last id of a page). A key whose role may see the activity (Owner, Admin) reads it.
/// </summary>
public static class EventEndpoints
{
    private const int MaxLimit = 100;

    public static void MapEventApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/events")
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .RequirePermission(Permission.ViewActivity)
            .RequireRateLimiting(ApiSetup.RateLimitPolicy)
            .WithTags("Events")
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests)
            .MapGet("", ListAsync).WithName("ListEvents");
    }

    private static async Task<Results<ApiOk<EventListResponse>, ApiInvalid>> ListAsync(
        HttpContext http, ActivityLog log, string? limit, string? starting_after, string? kind)
    {
        var errors = new List<ApiFieldError>();
        var (take, _) = ApiPaging.Read(limit, null, MaxLimit, errors);
        long? after = null;
        if (starting_after is not null)
        {
            if (long.TryParse(starting_after, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                after = id;
            else
                errors.Add(new ApiFieldError("starting_after", "starting_after must be the id of an event."));
        }
        if (errors.Count > 0)
            return ApiRefusals.Invalid([.. errors]);
        // One more than asked for: whether there is a next page, without counting them all.
        var page = await log.PageAsync(ApiKeyAuthentication.CallerOf(http), new ActivityFilter(Kind: kind), after, take + 1, http.RequestAborted);
        return new ApiOk<EventListResponse>(new EventListResponse(page.Take(take).Select(Response).ToList(), take, page.Count > take));
    }

    private static EventResponse Response(ActivityEntry entry) => new(
        entry.Id, entry.At, entry.Kind,
        new EventActor(entry.ActorKind == ActorKind.ApiKey ? "api_key" : "member", entry.ActorId, entry.ActorLabel),
        entry.Address, entry.SubjectId, entry.Summary,
        entry.Changes is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?[]>>(entry.Changes));
}
