using System.Text;
using System.Text.Json;
using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Dashboard.Api;

/// <summary>Writes API results as JSON, with the ETag of the link they carry.</summary>
public static class ApiResponder
{
    /// <summary>
    /// The request's one write, <paramref name="write"/>, and its answer: with an Idempotency-Key
    /// (<see cref="IdempotencyFilter"/>), the write stores that answer before it commits, so the two are never apart.
    /// </summary>
    public static async Task<IResult> WriteOnceAsync<T>(HttpContext http, Func<Task<T>> write, Func<T, ApiResult> answer)
    {
        KeyedRequest.AnswerWith<T>(result => Stored(answer(result)));
        return Write(http, answer(await write()));
    }

    public static IResult Write(ApiResult result) =>
        Results.Content(Serialize(result.Body), "application/json", Encoding.UTF8, result.StatusCode);

    /// <summary>Writes the result with the ETag of the link it carries, if it carries one.</summary>
    public static IResult Write(HttpContext http, ApiResult result) => Json(http, result.StatusCode, Serialize(result.Body));

    /// <summary>An answer as it was stored, for a replay.</summary>
    public static IResult Json(HttpContext http, int statusCode, string? json)
    {
        LinkVersionHeaders.SetETag(http.Response, statusCode, json);
        return Results.Content(json, "application/json", Encoding.UTF8, statusCode);
    }

    private static StoredAnswer Stored(ApiResult result) => new(result.StatusCode, Serialize(result.Body));

    private static string Serialize(object? body) => JsonSerializer.Serialize(body, body?.GetType() ?? typeof(object), ApiJson.Options);
}
