using System.Globalization;
using Microsoft.OpenApi;

namespace PaymentLinks.Dashboard.Api;

/// <summary><c>limit</c> and <c>offset</c> of a list endpoint: read as text, so that "limit=abc" gets a 400 naming the field.</summary>
public static class ApiPaging
{
    public const int DefaultLimit = 20;

    /// <summary>The page asked for, with a message per bad parameter added to <paramref name="errors"/>.</summary>
    public static (int Take, int Skip) Read(string? limit, string? offset, int maxLimit, List<ApiFieldError> errors)
    {
        if (!WholeNumber(limit, DefaultLimit, out var take) || take < 1 || take > maxLimit)
            errors.Add(new ApiFieldError("limit", $"limit must be a whole number between 1 and {maxLimit}."));
        if (!WholeNumber(offset, 0, out var skip) || skip < 0)
            errors.Add(new ApiFieldError("offset", "offset must be a whole number, 0 or more."));
        return (take, skip);
    }

    /// <summary>Documents <c>limit</c> and <c>offset</c> as the integers they are.</summary>
    public static RouteHandlerBuilder DocumentedAsIntegers(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (parameter.Name is "limit" or "offset")
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = parameter.Name == "limit" ? "1" : "0" };
            return Task.CompletedTask;
        });

    private static bool WholeNumber(string? text, int absent, out int value)
    {
        value = absent;
        return string.IsNullOrEmpty(text) || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
