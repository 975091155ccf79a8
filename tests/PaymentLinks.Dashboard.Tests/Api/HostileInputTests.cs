using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PaymentLinks.Dashboard.Tests.Api;

/// <summary>
/// A seeded generator throws malformed JSON, wrong types, huge and strange strings, extreme numbers and dates,
/// and SQL / HTML / script payloads at every API field, query parameter and route value, and at the checkout
/// form. Whatever it sends: never a 5xx; a refusal (4xx) changes nothing; whatever is accepted is stored as
/// sent and shown encoded. The seed is in every failure, so a failure replays exactly.
/// </summary>
public sealed class HostileInputTests() : ApiTestBase(new Dictionary<string, string> { ["Api:RateLimit:PermitLimit"] = "100000" })
{
    private const int Seed = 20261124;
    private const int Rounds = 400;
    private const string CreateBody = """{"title":"Hat","amount":10,"currency":"EUR"}""";
    private const string UpdateBody = """{"title":"Cap"}""";

    private static readonly string[] Strings =
    [
        "", " ", "\0", "nul\0inside", "\u0001\u0007\u001b", "tab\there", "line\nbreak", "\u202Eevil\u202C", "\u2066isolate\u2069",
        "e\u0301\u0301\u0301\u0301", "🍮🧁🍰", "\ud800", "\udc00alone", "שלום", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", new string('x', 5000), new string('ü', 70_000),
        "' OR 1=1 --", "'; DROP TABLE PaymentLinks; --", "\" OR \"\"=\"", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd", "%00", "%27%20OR%201%3D1", "javascript:alert(1)", "http://127.0.0.1/", "EUR", "ACTIVE",
    ];

    private static readonly JsonNode?[] Values =
    [
        null, true, 0, -1, 1.5, 0.001, 1e27m, -0.0, long.MaxValue, decimal.MaxValue, JsonValue.Create(double.MaxValue),
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "2026-11-24T25:00:00Z", "not-a-date", "1e309",
        new JsonArray(), new JsonObject(), new JsonArray(1, "two", null), new JsonObject { ["nested"] = new JsonObject { ["deeper"] = 1 } },
    ];

    private static readonly string[] RawBodies =
    [
        "{", "[]", "null", "\"just a string\"", "{\"title\":}", "{\"title\":\"a\",}", "{'title':'single quotes'}", "\u0000",
        "{\"amount\":1e309,\"title\":\"x\",\"currency\":\"EUR\"}", new string('[', 5000) + new string(']', 5000),
        "{\"title\":\"" + new string('a', 70_000) + "\"}", "<xml/>", "title=form&amount=1",
    ];

    /// <summary>Over a real socket (Kestrel), so that what a client cannot even send in memory, such as %00 in a path, is tried too.</summary>
    public override Task InitializeAsync()
    {
        App.ServeOnRealSocket();
        return base.InitializeAsync();
    }

    private static readonly string[] Fields = ["title", "description", "amount", "currency", "max_usages", "expires_at", "redirect_url", "disabled_message", "status"];

    [Fact]
    public async Task Every_hostile_request_is_answered_below_500_and_a_refused_one_changes_nothing()
    {
        var random = new Random(Seed);
        var target = await CreateAsync();
        var id = target.GetProperty("id").GetString()!;
        var failures = new List<string>();

        // First every field of both writing bodies gets every hostile value once, then random combinations of them.
        var writes = new[] { ("POST", "/api/v1/payment-links", CreateBody), ("PATCH", $"/api/v1/payment-links/{id}", UpdateBody) };
        var sweep = from write in writes
                    from field in Fields
                    from value in Strings.Select(text => (JsonNode?)JsonValue.Create(text)).Concat(Values)
                    select (write.Item1, write.Item2, (string?)WithField(write.Item3, field, value));
        var requests = sweep.Concat(Enumerable.Range(0, Rounds).Select(_ => HostileRequest(random, id))).ToList();
        for (var round = 0; round < requests.Count; round++)
        {
            var (method, path, body) = requests[round];
            var before = await SnapshotAsync();
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Api.SendAsync(request);
            var status = (int)response.StatusCode;
            var after = await SnapshotAsync();
            var what = $"seed {Seed}, request {round}: {method} {Shorten(path)} {Shorten(body)} -> {status}";
            if (status >= 500)
                failures.Add($"{what}: a server error");
            else if (status >= 400 && after != before)
                failures.Add($"{what}: refused, yet the database changed");
            else if (status < 400 && response.Content.Headers.ContentType?.MediaType != "application/json")
                failures.Add($"{what}: not a JSON answer");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_hostile_refund_field_is_answered_below_500_and_a_refused_refund_changes_nothing()
    {
        var payments = App.Services.GetRequiredService<Infrastructure.Payments.PaymentService>();
        var link = await CreateAsync("""{"title":"Hat","amount":1000,"currency":"EUR"}""");
        var paid = (await payments.CompleteAsync((await payments.StartAsync(link.GetProperty("public_id").GetString()!)).Value.Id)).Value;
        var failures = new List<string>();
        foreach (var field in new[] { "amount", "reason" })
        {
            foreach (var value in Strings.Select(text => (JsonNode?)JsonValue.Create(text)).Concat(Values))
            {
                var body = WithField("""{"amount":1,"reason":"duplicate"}""", field, value);
                var before = await RefundedAsync(paid.Id);
                using var response = await Api.PostAsync($"/api/v1/payments/{paid.Id}/refunds", new StringContent(body, Encoding.UTF8, "application/json"));
                var status = (int)response.StatusCode;
                if (status >= 500 || (status >= 400 && await RefundedAsync(paid.Id) != before))
                    failures.Add($"POST refunds {Shorten(body)} -> {status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<(int Count, long Minor)> RefundedAsync(Guid paymentId)
    {
        await using var db = App.NewContext();
        return (await db.Refunds.CountAsync(r => r.PaymentId == paymentId), (await db.PaymentAttempts.SingleAsync(a => a.Id == paymentId)).RefundedMinor);
    }

    [Fact]
    public async Task Hostile_route_values_and_checkout_tokens_get_a_page_or_an_error_never_a_5xx()
    {
        var random = new Random(Seed);
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = App.ClientOptions.BaseAddress });
        var failures = new List<string>();
        foreach (var value in Strings.Where(s => s.Length < 1000))
        {
            var segment = Uri.EscapeDataString(value);
            foreach (var path in new[] { $"/pay/{segment}", $"/pay/{segment}/bank/{Guid.NewGuid()}", $"/api/v1/payments/{segment}",
                         $"/api/v1/payments/{segment}/refunds", $"/links/{segment}", $"/{segment}" })
            {
                using var response = path.StartsWith("/api/") ? await Api.GetAsync(path) : await browser.GetAsync(path);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"GET {path} -> {(int)response.StatusCode}");
            }
            var link = await CreateAsync();
            using var posted = await browser.PostAsync($"/pay/{link.GetProperty("public_id").GetString()}",
                new FormUrlEncodedContent([new("checkout_token", value), new("__RequestVerificationToken", Strings[random.Next(Strings.Length)])]));
            if ((int)posted.StatusCode >= 500)
                failures.Add($"POST /pay with token {Shorten(value)} -> {(int)posted.StatusCode}");
        }
        await using var db = App.NewContext();
        Assert.Equal(0, await db.PaymentAttempts.CountAsync());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("POST", "", """{"title":"\ud800","amount":10,"currency":"EUR"}""", "title")]
    [InlineData("POST", "", """{"title":"Hat","description":"a\udc00b","amount":10,"currency":"EUR"}""", "description")]
    [InlineData("PATCH", "/status", """{"status":"\ud800"}""", "status")]
    public async Task A_json_string_holding_a_lone_surrogate_is_a_400_naming_its_field(string method, string suffix, string body, string field)
    {
        var link = await CreateAsync();
        var path = method == "POST" ? "/api/v1/payment-links" : $"/api/v1/payment-links/{link.GetProperty("id").GetString()}{suffix}";
        var before = await SnapshotAsync();

        using var response = await Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await BodyAsync(response);
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Contains(error.GetProperty("details").EnumerateArray(), d => d.GetProperty("field").GetString() == field);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_body_sent_slower_than_the_server_accepts_is_a_400_in_the_apis_shape()
    {
        var link = await CreateAsync();
        var key = Api.DefaultRequestHeaders.GetValues("x-api-key").Single();
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(App.ClientOptions.BaseAddress.Host, App.ClientOptions.BaseAddress.Port);
        var stream = socket.GetStream();
        var head = $"PATCH /api/v1/payment-links/{link.GetProperty("id").GetString()} HTTP/1.1\r\nHost: localhost\r\nx-api-key: {key}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"title\":\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // A byte a second, far below Kestrel's minimum body rate (240 bytes a second after a 5-second grace).
        var answer = new StringBuilder();
        var reading = ReadAnswerAsync(stream, answer);
        for (var second = 0; second < 15 && !reading.IsCompleted; second++)
        {
            try
            {
                await stream.WriteAsync("a"u8.ToArray());
            }
            catch (IOException)
            {
                break; // the server has closed the connection, having answered
            }
            await Task.WhenAny(reading, Task.Delay(1000));
        }
        await reading.WaitAsync(TimeSpan.FromSeconds(10));

        var text = answer.ToString();
        Assert.StartsWith("HTTP/1.1 400", text);
        Assert.Contains("application/json", text);
        Assert.Contains("\"error\":\"invalid_request\"", text);
    }

    private static async Task ReadAnswerAsync(Stream stream, StringBuilder answer)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (IOException)
        {
            // the connection was reset after the answer
        }
    }

    [Fact]
    public async Task Markup_and_script_in_accepted_text_are_stored_as_sent_and_shown_encoded_on_checkout()
    {
        const string title = "<script>alert('t')</script><img src=x onerror=alert(1)> & \"quotes\"";
        var created = await Api.PostAsync("/api/v1/payment-links", new StringContent(
            JsonSerializer.Serialize(new { title, description = "<b>bold</b>", amount = 10, currency = "EUR" }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var link = await BodyAsync(created);
        Assert.Equal(title, link.GetProperty("title").GetString());

        var page = await App.CreateClient().GetStringAsync($"/pay/{link.GetProperty("public_id").GetString()}");

        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<b>bold</b>", page);
        Assert.Contains("&lt;script&gt;alert(", page);
    }

    private (string Method, string Path, string? Body) HostileRequest(Random random, string id) => random.Next(6) switch
    {
        0 => ("POST", "/api/v1/payment-links", MutatedBody(random, valid: CreateBody)),
        1 => ("PATCH", $"/api/v1/payment-links/{id}", MutatedBody(random, valid: UpdateBody)),
        2 => ("PATCH", $"/api/v1/payment-links/{id}/status", MutatedBody(random, valid: """{"status":"active"}""")),
        3 => ("POST", "/api/v1/payment-links", RawBodies[random.Next(RawBodies.Length)]),
        4 => ("GET", $"/api/v1/payment-links?{HostileQuery(random)}", null),
        _ => (new[] { "GET", "PATCH", "POST" }[random.Next(3)], $"/api/v1/payment-links/{Uri.EscapeDataString(Strings[random.Next(Strings.Length)])}", "{}"),
    };

    /// <summary>A valid body with one to three fields replaced by hostile strings or values of the wrong kind.</summary>
    private static string MutatedBody(Random random, string valid)
    {
        var body = valid;
        for (var i = random.Next(1, 4); i > 0; i--)
            body = WithField(body, Fields[random.Next(Fields.Length)],
                random.Next(2) == 0 ? JsonValue.Create(Strings[random.Next(Strings.Length)]) : Values[random.Next(Values.Length)]);
        return body;
    }

    private static string WithField(string json, string field, JsonNode? value)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        body[field] = value?.DeepClone();
        return body.ToJsonString();
    }

    private static string HostileQuery(Random random)
    {
        string Pick() => Uri.EscapeDataString(random.Next(2) == 0 ? Strings[random.Next(Strings.Length)] : (Values[random.Next(Values.Length)]?.ToJsonString() ?? ""));
        return $"limit={Pick()}&offset={Pick()}&status={Pick()}&q={Pick()}&sort={Pick()}";
    }

    /// <summary>What a refused request must leave alone: every link's version, and how many there are.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = App.NewContext();
        var versions = await db.PaymentLinks.OrderBy(l => l.Id).Select(l => l.Version).ToListAsync();
        return string.Join(",", versions);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;
}
