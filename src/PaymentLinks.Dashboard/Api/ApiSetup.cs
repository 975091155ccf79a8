using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using PaymentLinks.Dashboard.Api.Events;
using PaymentLinks.Dashboard.Api.PaymentLinks;
using PaymentLinks.Dashboard.Api.Payments;
using PaymentLinks.Dashboard.Http;
using PaymentLinks.Infrastructure.ApiKeys;

namespace PaymentLinks.Dashboard.Api;

public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Requests one API key may make per window; more get 429 with Retry-After.</summary>
    public int PermitLimit { get; set; } = 100;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The REST API's services: key authentication, per-key rate limits, JSON and the OpenAPI document.</summary>
public static class ApiSetup
{
    public const string RateLimitPolicy = "per-api-key";
    public const string OpenApiPath = "/openapi/v1.json";

    public static void AddPaymentLinksApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(ApiKeyAuthentication.WritePolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireClaim(ApiKeyAuthentication.ScopeClaim, nameof(ApiKeyScope.ReadWrite)));
        services.AddSingleton<IdempotencyFilter>();
        services.AddSingleton<FailedApiAuthentications>();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));

        var limits = configuration.GetSection(ApiRateLimitOptions.Section).Get<ApiRateLimitOptions>() ?? new ApiRateLimitOptions();
        services.AddRateLimiter(rateLimits =>
        {
            rateLimits.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ApiKeyAuthentication.KeyIdOf(http.User) ?? "unauthenticated",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
            // The API's per-key limit and the per-client limits on the anonymous pages (ClientRateLimits) answer alike.
            rateLimits.OnRejected = (rejected, ct) => ClientRateLimits.RejectAsync(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window,
                "Too many requests for this API key.", ct);
        });

        services.AddPaymentLinksOpenApi();
    }

    public static void MapPaymentLinksApi(this WebApplication app)
    {
        app.MapOpenApi(OpenApiPath);
        app.MapPaymentLinkApi();
        app.MapPaymentApi();
        app.MapEventApi();
        // Whatever no API route takes gets a JSON answer here, never the dashboard's HTML pages.
        app.Map("/api/{**rest}", (HttpContext http) => UnroutedRequest(http.Request))
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static ApiRefusal UnroutedRequest(HttpRequest request)
    {
        var sentBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        if (sentBody && !request.HasJsonContentType())
            return new ApiRefusal(StatusCodes.Status415UnsupportedMediaType, new ApiError(ApiErrorCodes.InvalidRequest,
                new List<ApiFieldError> { new("Content-Type", "Send the body as JSON with Content-Type: application/json.") }));
        return new ApiNotFound(new ApiError(ApiErrorCodes.ResourceMissing,
            new ApiMessage($"No API route for {request.Method} {request.Path}.")));
    }

    public static RouteGroupBuilder ProducesApiErrors(this RouteGroupBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiError), ["application/json"]));
        return builder;
    }

    /// <summary>Marks an old route deprecated, in the OpenAPI document and with a Deprecation header on every answer.</summary>
    public static RouteHandlerBuilder MarkDeprecated(this RouteHandlerBuilder builder, string successor) => builder
        .WithMetadata(new DeprecatedEndpoint(successor))
        .AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers["Deprecation"] = "true";
            headers.Link = $"<{successor}>; rel=\"successor-version\"";
            return await next(context);
        });
}

/// <summary>Endpoint metadata: this route is kept for old clients only.</summary>
public sealed record DeprecatedEndpoint(string Successor);
