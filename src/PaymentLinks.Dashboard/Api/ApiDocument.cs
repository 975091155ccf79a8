using Microsoft.OpenApi;
using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// The OpenAPI document at <see cref="ApiSetup.OpenApiPath"/>: security schemes, the Idempotency-Key and If-Match
/// headers on the operations that honour them, and the response headers (Retry-After, Deprecation, ETag…).
/// </summary>
public static class ApiDocument
{
    public static void AddPaymentLinksOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "PaymentLinks API", Version = "v1" };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "x-api-key",
                    Description = "Your API key (plk_…). Authorization: Bearer plk_… works too.",
                };
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var deprecated = context.Description.ActionDescriptor.EndpointMetadata.OfType<DeprecatedEndpoint>().Any();
                var write = context.Description.HttpMethod is "POST" or "PATCH";
                if (deprecated)
                    operation.Deprecated = true;
                if (write)
                    AddHeaderParameter(operation, IdempotencyFilter.Header,
                        "Makes retries safe for 24 hours: the same key and body replay the first response.", maxLength: IdempotencyRecord.KeyMaxLength);
                if (operation.Responses?.ContainsKey("412") == true)
                    AddHeaderParameter(operation, LinkVersionHeaders.IfMatch,
                        "The link's ETag (its version, like \"7\"): the change is made only if nobody changed the link since; else 412.");
                DocumentResponseHeaders(operation, deprecated, idempotent: write);
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] });
                return Task.CompletedTask;
            });
        });
    }

    private static void AddHeaderParameter(OpenApiOperation operation, string name, string description, int? maxLength = null)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Header, Required = false, Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength },
        });
    }

    private static void DocumentResponseHeaders(OpenApiOperation operation, bool deprecated, bool idempotent)
    {
        static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
                continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (status == "429")
                concrete.Headers["Retry-After"] = Header("Seconds to wait before the next request with this key.");
            if (deprecated)
                concrete.Headers["Deprecation"] = Header("Always \"true\": this route is kept for old clients; see the Link header for its successor.");
            if (idempotent && status.StartsWith('2'))
                concrete.Headers[IdempotencyFilter.ReplayedHeader] = Header("\"true\" when this is the stored answer to an earlier request with the same Idempotency-Key.");
            if (status.StartsWith('2') && operation.OperationId != "ListPaymentLinks")
                concrete.Headers["ETag"] = Header("The link's version, quoted; send it back as If-Match to guard a change.");
        }
    }
}
