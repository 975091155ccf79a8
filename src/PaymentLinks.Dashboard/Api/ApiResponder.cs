using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PaymentLinks.Infrastructure.Idempotency;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// Writes API results, and makes POST and PATCH idempotent per <c>Idempotency-Key</c>: the same key with the
/// same request replays the first answer (<c>Idempotent-Replayed: true</c>); with another request it is refused (422).
/// The answer is stored by the request's write, in its transaction (<see cref="KeyedRequest"/>): a request refused
/// before it writes anything (a malformed body, say) stores nothing, and its key stays free.
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

        var hash = RequestHash(http.Request, body);
        if (await store.FindAsync(caller.MerchantId, key, http.RequestAborted) is { } earlier)
            return Replay(http, earlier, hash);
        try
        {
            return Write(http, await new KeyedRequest(caller.MerchantId, key, hash).RunAsync(work));
        }
        catch (IdempotencyKeyTaken)
        {
            // A request with the same key committed while this one ran; this one's work was rolled back.
            var first = await store.FindAsync(caller.MerchantId, key, CancellationToken.None);
            return Replay(http, first ?? throw new InvalidOperationException($"Idempotency key {key} was taken, yet is not stored."), hash);
        }
    }

    /// <summary>
    /// The request's one write, <paramref name="write"/>, and its answer: with an Idempotency-Key, the write stores
    /// that answer before it commits, so the two are never apart.
    /// </summary>
    public static async Task<ApiResult> WriteOnceAsync<T>(Func<Task<T>> write, Func<T, ApiResult> answer)
    {
        KeyedRequest.AnswerWith<T>(result => Stored(answer(result)));
        return answer(await write());
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord earlier, string hash)
    {
        if (earlier.RequestHash != hash)
            return Write(new ApiResult(StatusCodes.Status422UnprocessableEntity, new ApiError(ApiErrorCodes.IdempotencyKeyReused,
                new ApiMessage("This Idempotency-Key was already used with a different request."))));
        http.Response.Headers[ReplayedHeader] = "true";
        return Json(http, earlier.Answer.StatusCode, earlier.Answer.Body);
    }

    private static StoredAnswer Stored(ApiResult result) => new(result.StatusCode, Serialize(result.Body));

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
