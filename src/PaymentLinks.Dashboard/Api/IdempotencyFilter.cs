using System.Security.Cryptography;
using System.Text;
using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// Makes the API's writes idempotent per <c>Idempotency-Key</c>: the same key with the same request replays the first
/// answer (<c>Idempotent-Replayed: true</c>); with another request it is refused (422). The answer is stored by the
/// request's write, in its transaction (<see cref="KeyedRequest"/>, <see cref="ApiResponder.WriteOnceAsync{T}"/>): a
/// request refused before it writes anything (a malformed body, say) stores nothing, and its key stays free.
/// </summary>
public sealed class IdempotencyFilter(IdempotencyStore store) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
            return await next(context);
        if (key.Length > IdempotencyRecord.KeyMaxLength)
            return ApiResponder.Write(ApiResult.Invalid(new ApiFieldError(Header, $"At most {IdempotencyRecord.KeyMaxLength} characters.")));

        var merchantId = ApiKeyAuthentication.CallerOf(http.User).MerchantId;
        var hash = RequestHash(http.Request, await ApiBody.ReadAsync(http.Request));
        if (await store.FindAsync(merchantId, key, http.RequestAborted) is { } earlier)
            return Replay(http, earlier, hash);
        try
        {
            return await new KeyedRequest(merchantId, key, hash).RunAsync(() => next(context).AsTask());
        }
        catch (IdempotencyKeyTaken)
        {
            // A request with the same key committed while this one ran; this one's work was rolled back.
            var first = await store.FindAsync(merchantId, key, CancellationToken.None);
            return Replay(http, first ?? throw new InvalidOperationException($"Idempotency key {key} was taken, yet is not stored."), hash);
        }
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord earlier, string hash)
    {
        if (earlier.RequestHash != hash)
            return ApiResponder.Write(new ApiResult(StatusCodes.Status422UnprocessableEntity, new ApiError(ApiErrorCodes.IdempotencyKeyReused,
                new ApiMessage("This Idempotency-Key was already used with a different request."))));
        http.Response.Headers[ReplayedHeader] = "true";
        return ApiResponder.Json(http, earlier.Answer.StatusCode, earlier.Answer.Body);
    }

    private static string RequestHash(HttpRequest request, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n{body}")));
}
