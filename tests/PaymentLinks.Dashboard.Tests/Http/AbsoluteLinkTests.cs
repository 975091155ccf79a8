using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>Links sent to people point at the configured public address, whatever Host header the request carried.</summary>
public sealed partial class AbsoluteLinkTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://pay.shop.test";
    private readonly KeptMail _mail = new();
    private readonly DashboardApp _app;

    public AbsoluteLinkTests() => _app = new(new() { ["Links:PublicBaseUrl"] = PublicBaseUrl },
        services: services => services.AddSingleton<IEmailSender<ApplicationUser>>(_mail));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_password_reset_asked_for_with_a_forged_host_header_links_to_the_configured_address()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _app.ServeOnRealSocket() };
        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync("forgetful@host.test", "long-enough-1", "Forgetful")).Succeeded);
        browser.DefaultRequestHeaders.Host = "evil.example";
        var form = await browser.GetStringAsync("/account/forgot-password");
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = "forgetful@host.test";

        using var sent = await browser.PostAsync("/account/forgot-password", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var link = Assert.Single(_mail.ResetLinks);
        Assert.StartsWith($"{PublicBaseUrl}/account/reset-password?", link);
        Assert.DoesNotContain("evil.example", link);
    }

    private sealed class KeptMail : IEmailSender<ApplicationUser>
    {
        public List<string> ResetLinks { get; } = [];

        public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
        {
            ResetLinks.Add(resetLink);
            return Task.CompletedTask;
        }

        public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) => Task.CompletedTask;

        public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) => Task.CompletedTask;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
