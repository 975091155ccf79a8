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
            return ApiRefusals.Invalid(new ApiFieldError(Header, $"At most {IdempotencyRecord.KeyMaxLength} characters."));

        var caller = ApiKeyAuthentication.CallerOf(http);
        var hash = RequestHash(http.Request, await ApiBody.ReadAsync(http.Request));
        if (await store.FindAsync(caller, key, http.RequestAborted) is { } earlier)
            return Replay(earlier, hash);
        try
        {
            return await new KeyedRequest(caller, key, hash).RunAsync(() => next(context).AsTask());
        }
        catch (IdempotencyKeyTaken)
        {
            // A request with the same key committed while this one ran; this one's work was rolled back.
            var first = await store.FindAsync(caller, key, CancellationToken.None);
            return Replay(first ?? throw new InvalidOperationException($"Idempotency key {key} was taken, yet is not stored."), hash);
        }
    }

    private static IResult Replay(IdempotencyRecord earlier, string hash) => earlier.RequestHash == hash
        ? new Replayed(earlier.Answer)
        : new ApiRefusal(StatusCodes.Status422UnprocessableEntity, new ApiError(ApiErrorCodes.IdempotencyKeyReused,
            new ApiMessage("This Idempotency-Key was already used with a different request.")));

    /// <summary>The first answer to a key, sent again as it went out the first time.</summary>
    private sealed class Replayed(StoredAnswer answer) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers[ReplayedHeader] = "true";
            LinkVersionHeaders.SetETagOfStored(http.Response, answer);
            return ApiAnswer.WriteAsync(http, answer.StatusCode, answer.Body);
        }
    }

    private static string RequestHash(HttpRequest request, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n{body}")));
}
