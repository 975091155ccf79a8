using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PaymentLinks.Dashboard.Api;

/// <summary>Reads a request's JSON body into a contract, turning any problem into a 400 that names the field.</summary>
public static partial class ApiBody
{
    /// <summary>The largest body the API reads; a link's fields together stay far below it.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// The body as text, read no further than <see cref="MaxBytes"/>: beyond, a 413 (see <see cref="AnswerUnreadableBody"/>).
    /// Read once per request: the idempotency filter hashes what the handler then parses.
    /// </summary>
    public static async Task<string> ReadAsync(HttpRequest request)
    {
        if (request.HttpContext.Items[typeof(ApiBody)] is string read)
            return read;
        var body = await ReadOnceAsync(request);
        request.HttpContext.Items[typeof(ApiBody)] = body;
        return body;
    }

    private static async Task<string> ReadOnceAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
            throw TooLarge();
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            length += read;
        if (length > MaxBytes)
            throw TooLarge();
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>
    /// Answers a body the server cannot read in the API's own shape, before the handler runs or while it reads: over
    /// the limit, a 413; too slow or cut short, a 400 (not a 500 page with a stack trace in the log).
    /// </summary>
    public static async ValueTask<object?> AnswerUnreadableBody(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException problem) when (problem.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(new ApiError(ApiErrorCodes.PayloadTooLarge, new ApiMessage($"The body must be at most {MaxBytes / 1024} KB.")),
                ApiJson.Options, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException)
        {
            // The body could not be read: it came slower than Kestrel's minimum rate, or ended before its length.
            return Results.Json(new ApiError(ApiErrorCodes.InvalidRequest, new[] { new ApiFieldError("body", "The body could not be read: it came too slowly or was cut short.") }),
                ApiJson.Options, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static BadHttpRequestException TooLarge() => new("Request body too large.", StatusCodes.Status413PayloadTooLarge);

    public static bool TryParse<T>(string body, out T value, out JsonObject fields, out ApiInvalid? error)
    {
        value = default!;
        fields = [];
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = ApiRefusals.Invalid(new ApiFieldError("body", "A JSON object is required."));
            return false;
        }
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed)
            {
                error = ApiRefusals.Invalid(new ApiFieldError("body", "The body must be a JSON object."));
                return false;
            }
            fields = parsed;
            value = parsed.Deserialize<T>(ApiJson.Options)!;
            return true;
        }
        catch (JsonException problem)
        {
            error = ApiRefusals.Invalid(FieldErrorOf(problem));
            return false;
        }
        catch (InvalidOperationException) when (LoneSurrogateField(fields) is { } field)
        {
            error = ApiRefusals.Invalid(new ApiFieldError(field, $"{field} holds an invalid character (half of a UTF-16 surrogate pair)."));
            return false;
        }
    }

    /// <summary>
    /// The first field whose JSON string escapes half a surrogate pair (<c>"\ud800"</c>): valid JSON, yet no text
    /// at all, which System.Text.Json refuses only when the string is read.
    /// </summary>
    private static string? LoneSurrogateField(JsonObject fields)
    {
        foreach (var (name, node) in fields)
        {
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                continue;
            try
            {
                value.GetValue<string>();
            }
            catch (InvalidOperationException)
            {
                return name;
            }
        }
        return null;
    }

    private static ApiFieldError FieldErrorOf(JsonException problem)
    {
        if (UnknownProperty().Match(problem.Message) is { Success: true } unknown)
            return new ApiFieldError(unknown.Groups["name"].Value, "Unknown field.");
        var field = problem.Path?.TrimStart('$', '.') ?? "";
        return field.Length == 0
            ? new ApiFieldError("body", "The body is not valid JSON.")
            : new ApiFieldError(field, $"{field} has the wrong type or format.");
    }

    [GeneratedRegex("property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();
}
