using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using PaymentLinks.Dashboard.Api.PaymentLinks;
using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// An answer of the API: a status and a body in the API's JSON, which is also what an Idempotency-Key stores. Each kind
/// below tells the OpenAPI document its status and body type, so a handler's return type
/// (<c>Results&lt;ApiOk&lt;…&gt;, ApiNotFound, …&gt;</c>) is what the document lists for its route.
/// </summary>
public abstract class ApiAnswer(int statusCode, object body) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    private string? _json;

    public int StatusCode { get; } = statusCode;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    public object Value { get; } = body;
    public string Json => _json ??= JsonSerializer.Serialize(Value, Value.GetType(), ApiJson.Options);
    public StoredAnswer Stored => new(StatusCode, Json);

    public Task ExecuteAsync(HttpContext http)
    {
        if (Value is PaymentLinkResponse link)
            LinkVersionHeaders.SetETag(http.Response, link.Version);
        return WriteAsync(http, StatusCode, Json);
    }

    /// <summary>Writes JSON as every API answer goes out, a fresh one or a stored one replayed.</summary>
    public static Task WriteAsync(HttpContext http, int statusCode, string? json) =>
        Results.Content(json, "application/json", Encoding.UTF8, statusCode).ExecuteAsync(http);

    protected static void Declare(EndpointBuilder builder, int statusCode, Type body) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, body, ["application/json"]));
}

public sealed class ApiOk<T>(T body) : ApiAnswer(StatusCodes.Status200OK, body!), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status200OK, typeof(T));
}

public sealed class ApiCreated<T>(T body) : ApiAnswer(StatusCodes.Status201Created, body!), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status201Created, typeof(T));
}

/// <summary>An error answer, <c>{"error": …, "details": …}</c>; the kinds a handler returns are the sealed ones below.</summary>
public class ApiRefusal(int statusCode, ApiError error) : ApiAnswer(statusCode, error)
{
    protected static void DeclareError(EndpointBuilder builder, int statusCode) => Declare(builder, statusCode, typeof(ApiError));
}

/// <summary>400: the request itself is wrong, with the fields at fault.</summary>
public sealed class ApiInvalid(ApiError error) : ApiRefusal(StatusCodes.Status400BadRequest, error), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => DeclareError(builder, StatusCodes.Status400BadRequest);
}

/// <summary>403: the key's role does not allow this (a Support key archiving a link, say).</summary>
public sealed class ApiForbidden(ApiError error) : ApiRefusal(StatusCodes.Status403Forbidden, error), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => DeclareError(builder, StatusCodes.Status403Forbidden);
}

/// <summary>404: no such resource for this merchant (another merchant's included).</summary>
public sealed class ApiNotFound(ApiError error) : ApiRefusal(StatusCodes.Status404NotFound, error), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => DeclareError(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: the link's lifecycle has no such move from where it is.</summary>
public sealed class ApiConflict(ApiError error) : ApiRefusal(StatusCodes.Status409Conflict, error), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => DeclareError(builder, StatusCodes.Status409Conflict);
}

/// <summary>412: the link changed since the version the request's If-Match names.</summary>
public sealed class ApiPreconditionFailed(ApiError error) : ApiRefusal(StatusCodes.Status412PreconditionFailed, error), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => DeclareError(builder, StatusCodes.Status412PreconditionFailed);
}
