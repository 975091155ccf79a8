using PaymentLinks.Domain.Common;

namespace PaymentLinks.Dashboard.Api;

/// <summary>Every API error has this shape: <c>{"error": "&lt;code&gt;", "details": …}</c>.</summary>
public sealed record ApiError(string Error, object? Details);

public sealed record ApiFieldError(string Field, string Message);

public sealed record ApiMessage(string Message);

public sealed record ApiTransitionError(string? From, string? To, string Reason);

/// <summary>The API's answers to what it refuses: a request's own faults, and a refusal from the domain or a service.</summary>
public static class ApiRefusals
{
    public static ApiInvalid Invalid(params ApiFieldError[] fields) => new(new ApiError(ApiErrorCodes.InvalidRequest, fields));

    public static ApiRefusal Of(Refusal refusal) => refusal.Code switch
    {
        RefusalCodes.InvalidRequest => new ApiInvalid(new ApiError(ApiErrorCodes.InvalidRequest,
            refusal.Fields.Select(f => new ApiFieldError(f.Field, f.Message)).ToList())),
        RefusalCodes.NotFound => NotFound(),
        RefusalCodes.Forbidden => new ApiForbidden(new ApiError(ApiErrorCodes.Forbidden, new ApiMessage(refusal.Message))),
        RefusalCodes.InvalidTransition => new ApiConflict(new ApiError(ApiErrorCodes.InvalidTransition,
            new ApiTransitionError(refusal.From, refusal.To, refusal.Message))),
        // The API only asks for a version when the client sent If-Match.
        RefusalCodes.Conflict => new ApiPreconditionFailed(new ApiError(ApiErrorCodes.PreconditionFailed,
            new ApiMessage("The link has changed since the version in If-Match. Read it again, then retry."))),
        _ => new ApiInvalid(new ApiError(ApiErrorCodes.InvalidRequest, new ApiMessage(refusal.Message))),
    };

    public static ApiNotFound NotFound(string what = "payment link") =>
        new(new ApiError(ApiErrorCodes.ResourceMissing, new ApiMessage($"No such {what}.")));
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

    /// <summary>The key's role does not allow this (a Finance key creating links, say).</summary>
    public const string Forbidden = "forbidden";
}
