using System.Globalization;
using System.Text.Json;
using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// Optimistic concurrency for API clients: every link answer carries its version as <c>ETag: "7"</c> (and as
/// <c>version</c> in the body); a write sent with <c>If-Match: "7"</c> is refused with 412 if the link has
/// changed since. Without If-Match the last writer wins, as before.
/// </summary>
public static class LinkVersionHeaders
{
    public const string IfMatch = "If-Match";

    /// <summary>Refuses a malformed If-Match with a 400 before the handler runs; the handler reads it with <see cref="ExpectedVersion"/>.</summary>
    public static async ValueTask<object?> RequireReadableIfMatch(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        TryRead(context.HttpContext.Request, out _)
            ? await next(context)
            : ApiRefusals.Invalid(new ApiFieldError(IfMatch, "If-Match must be the ETag of the link, like \"7\"."));

    /// <summary>The version If-Match asks for; null when it is absent or <c>*</c> (the last writer wins).</summary>
    public static int? ExpectedVersion(HttpRequest request) => TryRead(request, out var version) ? version : null;

    private static bool TryRead(HttpRequest request, out int? version)
    {
        version = null;
        var header = request.Headers[IfMatch].ToString().Trim();
        if (header is "" or "*")
            return true;
        var bare = header.Length >= 2 && header[0] == '"' && header[^1] == '"' ? header[1..^1] : header;
        if (!int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;
        version = parsed;
        return true;
    }

    public static void SetETag(HttpResponse response, int version) =>
        response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Sets ETag from a stored answer's <c>version</c>, for an idempotent replay: the record keeps the answer as it went
    /// out, a status and JSON, so the version is read back from there.
    /// </summary>
    public static void SetETagOfStored(HttpResponse response, StoredAnswer answer)
    {
        if (answer.StatusCode is < 200 or > 299 || answer.Body is not { } json || !json.Contains("\"version\""))
            return;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("version", out var version) && version.TryGetInt32(out var number))
            SetETag(response, number);
    }
}
