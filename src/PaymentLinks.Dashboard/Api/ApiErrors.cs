using PaymentLinks.Domain.Common;

namespace PaymentLinks.Dashboard.Api;

/// <summary>Every API error has this shape: <c>{"error": "&lt;code&gt;", "details": …}</c>.</summary>
public sealed record ApiError(string Error, object? Details);

public sealed record ApiFieldError(string Field, string Message);

public sealed record ApiMessage(string Message);

public sealed record ApiTransitionError(string? From, string? To, string Reason);

/// <summary>What a handler answers: a status and a body, written (and remembered for idempotency) by <see cref="ApiResponder"/>.</summary>
public sealed record ApiResult(int StatusCode, object? Body)
{
    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResult Created(object body) => new(StatusCodes.Status201Created, body);

    public static ApiResult Invalid(params ApiFieldError[] fields) =>
        new(StatusCodes.Status400BadRequest, new ApiError(ApiErrorCodes.InvalidRequest, fields));

    /// <summary>The API's answer to a refusal from the domain or a service.</summary>
    public static ApiResult From(Refusal refusal) => refusal.Code switch
    {
        RefusalCodes.InvalidRequest => new(StatusCodes.Status400BadRequest, new ApiError(ApiErrorCodes.InvalidRequest,
            refusal.Fields.Select(f => new ApiFieldError(f.Field, f.Message)).ToList())),
        RefusalCodes.NotFound => NotFound(),
        RefusalCodes.InvalidTransition => new(StatusCodes.Status409Conflict, new ApiError(ApiErrorCodes.InvalidTransition,
            new ApiTransitionError(refusal.From, refusal.To, refusal.Message))),
        // The API only asks for a version when the client sent If-Match.
        RefusalCodes.Conflict => new(StatusCodes.Status412PreconditionFailed, new ApiError(ApiErrorCodes.PreconditionFailed,
            new ApiMessage("The link has changed since the version in If-Match. Read it again, then retry."))),
        _ => new(StatusCodes.Status400BadRequest, new ApiError(ApiErrorCodes.InvalidRequest, new ApiMessage(refusal.Message))),
    };

    public static ApiResult NotFound(string what = "payment link") =>
        new(StatusCodes.Status404NotFound, new ApiError(ApiErrorCodes.ResourceMissing, new ApiMessage($"No such {what}.")));
}

public static class ApiErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string Unauthenticated = "unauthenticated";
    public const string ResourceMissing = "resource_missing";
    public const string InvalidTransition = "invalid_transition";
    public const string PreconditionFailed = "precondition_failed";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string RateLimited = "rate_limited";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InsufficientScope = "insufficient_scope";
}
