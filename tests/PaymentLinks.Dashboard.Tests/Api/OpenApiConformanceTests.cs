using System.Net;
using System.Text.Json;
using PaymentLinks.Dashboard.Api;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary>The served OpenAPI document covers every route, and real responses match the schemas it declares.</summary>
public sealed class OpenApiConformanceTests : ApiTestBase
{
    private JsonElement _document;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var response = await App.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _document = await BodyAsync(response);
    }

    [Fact]
    public void Every_route_is_documented_and_the_aliases_are_marked_deprecated()
    {
        var paths = _document.GetProperty("paths");
        Assert.True(Operation(paths, "/api/v1/payment-links", "post").ValueKind == JsonValueKind.Object);
        Assert.True(Operation(paths, "/api/v1/payment-links", "get").ValueKind == JsonValueKind.Object);
        Assert.True(Operation(paths, "/api/v1/payment-links/{id}", "get").ValueKind == JsonValueKind.Object);
        Assert.True(Operation(paths, "/api/v1/payment-links/{id}", "patch").ValueKind == JsonValueKind.Object);
        Assert.True(Operation(paths, "/api/v1/payment-links/{id}/status", "patch").ValueKind == JsonValueKind.Object);
        Assert.True(Operation(paths, "/api/v1/payment-links/{id}/duplicate", "post").ValueKind == JsonValueKind.Object);
        foreach (var alias in new[] { "expire", "deactivate", "activate", "archive" })
            Assert.True(Operation(paths, $"/api/v1/payment-links/{{id}}/{alias}", "post").GetProperty("deprecated").GetBoolean());
        Assert.False(Operation(paths, "/api/v1/payment-links/{id}/status", "patch").TryGetProperty("deprecated", out _));
        Assert.True(Operation(paths, "/api/v1/payments/{id}", "get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(Operation(paths, "/api/v1/events", "get").ValueKind == JsonValueKind.Object);
        Assert.All(paths.EnumerateObject(), path => Assert.Matches("^/api/v1/(payment-links|payments/|events$)", path.Name));
        var paging = Operation(paths, "/api/v1/payment-links", "get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() is "limit" or "offset");
        Assert.All(paging, p => Assert.Equal("integer", p.GetProperty("schema").GetProperty("type").GetString()));
    }

    [Fact]
    public void Each_route_documents_the_answers_its_handler_can_give_and_no_others()
    {
        var paths = _document.GetProperty("paths");
        string[] Statuses(string path, string method) =>
            [.. Operation(paths, path, method).GetProperty("responses").EnumerateObject().Select(r => r.Name).Order()];

        Assert.Equal(["200", "401", "404", "413", "429"], Statuses("/api/v1/payment-links/{id}", "get"));
        Assert.Equal(["201", "400", "401", "403", "404", "413", "422", "429"], Statuses("/api/v1/payment-links/{id}/duplicate", "post"));
        Assert.Equal(["200", "401", "404", "429"], Statuses("/api/v1/payments/{id}", "get"));
        var read = Operation(paths, "/api/v1/payment-links/{id}", "get").GetProperty("responses");
        Assert.Equal("#/components/schemas/PaymentLinkResponse",
            read.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public void A_handler_answering_a_kind_its_type_does_not_declare_fails_loudly_instead_of_answering_undocumented()
    {
        var missing = ApiRefusals.NotFound();

        Assert.Equal(missing, missing.As<ApiOk<string>, ApiNotFound>().Result);
        Assert.Throws<System.Diagnostics.UnreachableException>(() => missing.As<ApiOk<string>, ApiInvalid>());
    }

    [Fact]
    public void Writes_document_the_idempotency_header_and_every_operation_its_errors()
    {
        var create = Operation(_document.GetProperty("paths"), "/api/v1/payment-links", "post");
        Assert.Contains(create.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        var responses = create.GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "409", "422", "429" })
            Assert.True(responses.TryGetProperty(status, out _), $"POST does not document {status}");
        Assert.True(_document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _));
        Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.True(responses.GetProperty("201").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _));
        var alias = Operation(_document.GetProperty("paths"), "/api/v1/payment-links/{id}/expire", "post");
        Assert.True(alias.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("Deprecation", out _));
        foreach (var (path, method) in new[] { ("/api/v1/payment-links/{id}", "patch"), ("/api/v1/payment-links/{id}/status", "patch"), ("/api/v1/payment-links/{id}/archive", "post") })
        {
            var guarded = Operation(_document.GetProperty("paths"), path, method);
            Assert.Contains(guarded.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match");
            Assert.True(guarded.GetProperty("responses").TryGetProperty("412", out _), $"{method} {path} does not document 412");
            Assert.True(guarded.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        }
    }

    [Fact]
    public async Task Responses_match_their_declared_schemas()
    {
        var link = await CreateAsync("""{"title":"Schema check","amount":3,"currency":"EUR","expires_at":"2099-01-01T00:00:00Z"}""");
        var list = await BodyAsync(await Api.GetAsync("/api/v1/payment-links"));
        var error = await BodyAsync(await Api.GetAsync("/api/v1/payment-links/pl_missing000000000000"));

        AssertMatches(link, "PaymentLinkResponse");
        AssertMatches(list, "PaymentLinkListResponse");
        AssertMatches(error, "ApiError");
    }

    private void AssertMatches(JsonElement body, string schemaName)
    {
        var schema = _document.GetProperty("components").GetProperty("schemas").GetProperty(schemaName);
        var declared = schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var actual = body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(declared.Keys.Order(), actual.Keys.Order());
        foreach (var (name, value) in actual)
            Assert.True(TypeFits(declared[name], value), $"{schemaName}.{name}: {value.ValueKind} does not fit {declared[name]}");
    }

    private bool TypeFits(JsonElement property, JsonElement value)
    {
        if (property.TryGetProperty("$ref", out var reference))
            return reference.GetString()!.Length > 0 && value.ValueKind is JsonValueKind.Object or JsonValueKind.Null;
        if (!property.TryGetProperty("type", out var type))
            return true; // an untyped property (details of an error) takes any JSON
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return value.ValueKind switch
        {
            JsonValueKind.Null => types.Contains("null"),
            JsonValueKind.String => types.Contains("string"),
            JsonValueKind.Number => types.Contains("number") || types.Contains("integer") || (types.Contains("string") && property.TryGetProperty("pattern", out _)),
            JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
            JsonValueKind.Array => types.Contains("array"),
            JsonValueKind.Object => types.Contains("object"),
            _ => false,
        };
    }

    private static JsonElement Operation(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method);
}
