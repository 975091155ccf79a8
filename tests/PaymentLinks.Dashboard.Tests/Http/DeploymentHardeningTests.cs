using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>Headers on every kind of page, keys that outlive the process, and an error page that tells nothing away.</summary>
public sealed partial class DeploymentHardeningTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.ForThisRun();
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = new DashboardApp(database: _database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Dashboard_pages_run_only_this_sites_scripts_and_the_import_map_with_this_responses_nonce()
    {
        var response = await _app.CreateClient().GetAsync("/account/login");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("'unsafe-inline' 'nonce", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(("nosniff", "same-origin", "DENY"), (Header(response, "X-Content-Type-Options"), Header(response, "Referrer-Policy"), Header(response, "X-Frame-Options")));

        var next = await _app.CreateClient().GetAsync("/account/login");
        Assert.NotEqual(nonce, Nonce().Match(next.Headers.GetValues("Content-Security-Policy").Single()).Groups["nonce"].Value);
    }

    [Fact]
    public async Task Every_stylesheet_and_script_the_pages_name_is_sent_compressed_to_a_browser_that_accepts_it()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Squeezed Shop"), maxUsages: 5);
        var client = _app.CreateClient();
        var named = new List<string>();
        foreach (var page in new[] { "/account/login", $"/pay/{link.PublicId}" })
            named.AddRange(Asset().Matches(await client.GetStringAsync(page)).Select(m => m.Groups["path"].Value));

        Assert.Contains(named, path => path.Contains("MudBlazor.min") && path.EndsWith(".css"));
        foreach (var path in named.Distinct())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + path.TrimStart('/'));
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, path);
            Assert.True(response.Content.Headers.ContentEncoding.Count > 0, $"{path} was sent uncompressed");
        }
    }

    [Fact]
    public async Task Checkout_pages_allow_no_script_at_all_and_send_no_referrer()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Strict Shop"), maxUsages: 5);

        var response = await _app.CreateClient().GetAsync($"/pay/{link.PublicId}");

        var policy = Header(response, "Content-Security-Policy");
        Assert.StartsWith("default-src 'none';", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync());
        Assert.Equal(("nosniff", "no-referrer"), (Header(response, "X-Content-Type-Options"), Header(response, "Referrer-Policy")));
    }

    [Fact]
    public async Task Signing_keys_are_kept_in_the_database_so_a_restarted_app_still_reads_its_cookies()
    {
        var sealedByFirst = _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("hardening-test").Protect("still me");
        await _app.DisposeAsync();

        _app = new DashboardApp(database: _database);

        Assert.Equal("still me", _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("hardening-test").Unprotect(sealedByFirst));
        await using var db = _app.NewContext();
        Assert.NotEmpty(db.DataProtectionKeys);
    }

    [Fact]
    public async Task Outside_development_a_failure_shows_the_error_page_without_details_and_http_goes_to_https()
    {
        await using var production = _app.WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("https_port", "443");
            host.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
        });
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/test-failure");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", page);
        Assert.Contains("data-testid=\"error-reference\"", page);
        Assert.DoesNotContain(FailingEndpoint.Secret, page);
        Assert.DoesNotContain("InvalidOperationException", page);
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"));

        var plain = await production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://dashboard.example"), AllowAutoRedirect = false })
            .GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://dashboard.example/account/login", plain.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Over_https_hsts_lasts_a_year_with_subdomains_and_the_antiforgery_cookie_is_secure()
    {
        await using var production = _app.WithWebHostBuilder(host => host.UseEnvironment("Production").UseSetting("https_port", "443"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example"), AllowAutoRedirect = false });

        var page = await client.GetAsync("/account/login");

        Assert.Equal("max-age=31536000; includeSubDomains", Header(page, "Strict-Transport-Security"));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery."));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("camera=(), microphone=(), geolocation=(), payment=(), usb=()", Header(page, "Permissions-Policy"));
    }

    [Fact]
    public async Task Over_a_real_socket_the_server_does_not_name_itself()
    {
        using var client = new HttpClient { BaseAddress = _app.ServeOnRealSocket() };

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), $"Server: {Header(page, "Server")}");
    }

    [Fact]
    public async Task With_a_certificate_configured_the_signing_keys_are_stored_encrypted()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=PaymentLinks keys", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-pass"));
        using var database = TestDatabase.ForThisRun();
        try
        {
            await using var app = new DashboardApp(new() { ["DataProtection:Certificate:Path"] = pfx, ["DataProtection:Certificate:Password"] = "pfx-pass" }, database);
            var sealedText = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("hardening-test").Protect("secret");

            await using var db = app.NewContext();
            var stored = Assert.Single(db.DataProtectionKeys).Xml!;
            Assert.Contains("encryptedSecret", stored);
            Assert.DoesNotContain("<value>", stored); // an unencrypted key carries its bytes in <masterKey><value>
            Assert.Equal("secret", app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("hardening-test").Unprotect(sealedText));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single()
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.Single() : "";

    [GeneratedRegex(@"(?:href|src)=""(?<path>[^""]+\.(?:css|js))""")]
    private static partial Regex Asset();

    [GeneratedRegex("script-src 'self' 'nonce-(?<nonce>[^']+)'")]
    private static partial Regex Nonce();

    /// <summary>A route that fails, placed after the app's own pipeline so that its exception handler sees the failure.</summary>
    private sealed class FailingEndpoint : IStartupFilter
    {
        public const string Secret = "connection string with a password";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-failure", failing => failing.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
