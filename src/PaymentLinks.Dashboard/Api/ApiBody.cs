using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PaymentLinks.Dashboard.Api;

/// <summary>Reads a request's JSON body into a contract, turning any problem into a 400 that names the field.</summary>
public static partial class ApiBody
{
    public static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    public static bool TryParse<T>(string body, out T value, out JsonObject fields, out ApiResult? error)
    {
        value = default!;
        fields = [];
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = ApiResult.Invalid(new ApiFieldError("body", "A JSON object is required."));
            return false;
        }
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed)
            {
                error = ApiResult.Invalid(new ApiFieldError("body", "The body must be a JSON object."));
                return false;
            }
            fields = parsed;
            value = parsed.Deserialize<T>(ApiJson.Options)!;
            return true;
        }
        catch (JsonException problem)
        {
            error = ApiResult.Invalid(FieldErrorOf(problem));
            return false;
        }
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
