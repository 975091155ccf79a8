using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Dashboard.Tests.Providers;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.StripeFake;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Operations;

/// <summary>
/// The app as it runs in production (its own process, Production, Information and request logging on) through a
/// merchant's and a customer's journey: every line it writes is one JSON object, request lines carry their trace, and
/// no password, key, secret, email address or card-like number typed or made on the way appears in any line.
/// </summary>
public sealed class LogSecretsTests : IAsyncLifetime
{
    private const string Password = "log-test-pass-7319";
    private const string MerchantEmail = "owner.logtest@roastery.test";
    private const string CustomerEmail = "ann.customer.logtest@example.test";
    private const string InviteeEmail = "new.colleague.logtest@roastery.test";
    private const string CardLike = "4242 4242 4242 4242";
    // The test server trusts loopback and never asks for it, but the app holds it as it would a real one.
    private const string DatabasePassword = "pg-secret-logtest-5521";

    private readonly TestDatabase _database = TestDatabase.ForThisRun();
    private AppProcess _app = default!;
    private ServiceHarness _harness = default!;
    private WebhookReceiver _receiver = default!;
    private FakeStripe _stripe = default!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _stripe = await FakeStripe.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Stripe:ApiBase"] = _stripe.ApiBase,
            ["Webhooks:AllowLoopback"] = "true",
            // The request lines too, which appsettings.json keeps at Warning: an operator may turn them up.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        };
        if (_database.Provider == DatabaseProvider.Postgres) // a SQLite connection string has no password (it would ask for encryption)
            settings["ConnectionStrings:PaymentLinks"] = $"{_database.ConnectionString};Password={DatabasePassword}";
        _app = await AppProcess.StartAsync(_database, settings, new AppProcessOptions(Environment: "Production", LogLevel: "Information"));
        _harness = new ServiceHarness(database: _database, settings: new Dictionary<string, string?> { ["Stripe:ApiBase"] = _stripe.ApiBase });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _harness.DisposeAsync();
        await _receiver.DisposeAsync();
        await _stripe.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_merchant_and_customer_journey_logs_json_lines_with_trace_ids_and_no_secret()
    {
        var secrets = await JourneyAsync();
        if (_database.Provider == DatabaseProvider.Postgres)
            secrets["database password"] = DatabasePassword;

        var lines = _app.Output.ToList();
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList(); // throws on a line that is not JSON
        Assert.All(entries, entry =>
        {
            foreach (var field in new[] { "Timestamp", "EventId", "LogLevel", "Category", "Message" })
                Assert.True(entry.TryGetProperty(field, out _), $"a log line without {field}: {entry}");
        });
        var requestLines = entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.NotEmpty(requestLines);
        Assert.All(requestLines, line => Assert.Contains(line.GetProperty("Scopes").EnumerateArray(),
            scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var trace) && trace.GetString()!.Length == 32));

        var everything = string.Join('\n', lines.Concat(_app.Errors));
        foreach (var (what, secret) in secrets)
            Assert.False(everything.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the log holds the {what}");
    }

    /// <summary>Everything a merchant and a customer do, over HTTP to the app where it has a door for it; returns what must stay out of the log.</summary>
    private async Task<Dictionary<string, string>> JourneyAsync()
    {
        var merchant = await RegisterAndSignInAsync();
        var apiKey = (await _harness.Services.GetRequiredService<ApiKeyService>().CreateAsync(merchant, "logs")).Value.Secret;
        var webhooks = _harness.Services.GetRequiredService<WebhookService>();
        var webhookSecret = (await webhooks.AddEndpointAsync(merchant, _receiver.Url)).Value.Secret;
        Assert.True((await _harness.Services.GetRequiredService<Invitations>().InviteAsync(merchant, InviteeEmail, MemberRole.Support)).IsSuccess);
        var stripeKey = "sk_live_" + Guid.NewGuid().ToString("N");
        var stripe = await StripeShop.ConnectAsync(_stripe, _harness.Services, merchant with { Livemode = true }, _app.BaseAddress, "Log Test Roastery", stripeKey);

        using var api = new HttpClient { BaseAddress = _app.BaseAddress };
        api.DefaultRequestHeaders.Add("x-api-key", apiKey);
        var created = await api.PostAsJsonAsync("api/v1/payment-links", new
        {
            title = "Single origin beans",
            amount = 12.5m,
            currency = "EUR",
            customer_details = new { email = "required" },
            custom_fields = new[] { new { label = "Gift note", kind = "text", required = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var link = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        var (paid, receipt) = await new CheckoutCustomer(browser).PayAsync(link["public_id"]!.GetValue<string>(),
            new() { ["email"] = CustomerEmail, ["field_0"] = CardLike });
        Assert.True(paid == HttpStatusCode.OK, receipt);
        var payments = JsonNode.Parse(await api.GetStringAsync($"api/v1/payment-links/{link["id"]}/payments"))!;
        var paymentId = payments["data"]![0]!["id"]!.GetValue<string>();
        var refund = await api.PostAsJsonAsync($"api/v1/payments/{paymentId}/refunds", new { amount = 2.5m, reason = "requested_by_customer" });
        Assert.True(refund.IsSuccessStatusCode, await refund.Content.ReadAsStringAsync());

        // The app's own workers send the receipt, refund notice and invitation, and the signed webhooks.
        await Poll.UntilAsync(async () =>
        {
            await using var db = _harness.NewContext();
            return !await db.OutgoingMail.AnyAsync(m => m.Status == MailStatus.Pending);
        }, "every mail sent", seconds: 30);
        await _receiver.WaitForAsync(r => r.Delivered.Any(d => d.EventType == WebhookEventNames.PaymentRefunded));

        return new()
        {
            ["password"] = Password,
            ["API key"] = apiKey,
            ["API key's secret part"] = apiKey[^20..],
            ["webhook secret"] = webhookSecret,
            ["merchant's email"] = MerchantEmail,
            ["customer's email"] = CustomerEmail,
            ["invitee's email"] = InviteeEmail,
            ["card-like answer"] = CardLike,
            ["card-like digits"] = CardLike.Replace(" ", ""),
            ["Stripe secret key"] = stripeKey,
            ["Stripe webhook secret"] = stripe.WebhookSecret!,
        };
    }

    /// <summary>Registers through the sign-up form, signs in through the sign-in form, and returns the merchant as the services name it.</summary>
    private async Task<MerchantCaller> RegisterAndSignInAsync()
    {
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress })
        {
            var registered = await SignInForm.SubmitAsync((method, content) => browser.SendAsync(new HttpRequestMessage(method, "/account/register") { Content = content }),
                new() { ["Input.BusinessName"] = "Log Test Roastery", ["Input.Email"] = MerchantEmail, ["Input.Password"] = Password });
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress })
            Assert.True(SignInForm.SignedIn(await SignInForm.SubmitAsync(
                (method, content) => browser.SendAsync(new HttpRequestMessage(method, "/account/login") { Content = content }), MerchantEmail, Password)));
        await using var db = _harness.NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == MerchantEmail);
        return new MerchantCaller(user.MerchantId, Actor.User(user.Id), Livemode: false);
    }
}
