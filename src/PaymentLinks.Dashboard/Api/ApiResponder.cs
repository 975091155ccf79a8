using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PaymentLinks.Infrastructure.Idempotency;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// Writes API results, and makes POST and PATCH idempotent per <c>Idempotency-Key</c>: the same key with the
/// same request replays the first answer (<c>Idempotent-Replayed: true</c>); with another request it is refused (422).
/// </summary>
public sealed class ApiResponder(IdempotencyStore store)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task<IResult> RunAsync(HttpContext http, MerchantCaller caller, string body, Func<Task<ApiResult>> work)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (string.IsNullOrEmpty(key) || HttpMethods.IsGet(http.Request.Method))
            return Write(http, await work());
        if (key.Length > IdempotencyRecord.KeyMaxLength)
            return Write(ApiResult.Invalid(new ApiFieldError(IdempotencyHeader, $"At most {IdempotencyRecord.KeyMaxLength} characters.")));

        var claim = await store.ClaimAsync(caller.MerchantId, key, RequestHash(http.Request, body), http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Mismatch:
                return Write(new ApiResult(StatusCodes.Status422UnprocessableEntity, new ApiError(ApiErrorCodes.IdempotencyKeyReused,
                    new ApiMessage("This Idempotency-Key was already used with a different request."))));
            case IdempotencyClaim.Replay replay:
                http.Response.Headers[ReplayedHeader] = "true";
                return Json(http, replay.StatusCode, replay.Body);
            case IdempotencyClaim.Run run:
                try
                {
                    var result = await work();
                    var json = Serialize(result.Body);
                    await store.CompleteAsync(run.RecordId, result.StatusCode, json, CancellationToken.None);
                    return Json(http, result.StatusCode, json);
                }
                catch
                {
                    await store.ReleaseAsync(run.RecordId);
                    throw;
                }
            default:
                throw new InvalidOperationException($"Unexpected claim {claim}.");
        }
    }

    public static IResult Write(ApiResult result) =>
        Results.Content(Serialize(result.Body), "application/json", Encoding.UTF8, result.StatusCode);

    /// <summary>Writes the result with the ETag of the link it carries, if it carries one.</summary>
    public static IResult Write(HttpContext http, ApiResult result) => Json(http, result.StatusCode, Serialize(result.Body));

    private static IResult Json(HttpContext http, int statusCode, string? json)
    {
        LinkVersionHeaders.SetETag(http.Response, statusCode, json);
        return Results.Content(json, "application/json", Encoding.UTF8, statusCode);
    }

    private static string Serialize(object? body) => JsonSerializer.Serialize(body, body?.GetType() ?? typeof(object), ApiJson.Options);

    private static string RequestHash(HttpRequest request, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n{body}")));
}
