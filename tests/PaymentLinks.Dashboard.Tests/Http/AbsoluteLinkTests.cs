using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>Links sent to people point at the configured public address, whatever Host header the request carried, and go to the account's own address.</summary>
public sealed partial class AbsoluteLinkTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://pay.shop.test";
    private readonly MailServer _mail = MailServer.FromEnvironment();
    private readonly DashboardApp _app;

    public AbsoluteLinkTests() => _app = new(new(_mail.Settings!) { ["Links:PublicBaseUrl"] = PublicBaseUrl });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_password_reset_asked_for_with_a_forged_host_header_links_to_the_configured_address()
    {
        var email = MailServer.NewAddress("sorry");
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _app.ServeOnRealSocket() };
        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync(email, "long-enough-1", "Forgetful")).Succeeded);
        browser.DefaultRequestHeaders.Host = "evil.example";
        var form = await browser.GetStringAsync("/account/forgot-password");
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        // A look-alike of the address (a long ſ for the s) finds the account too, as Identity upper-cases it; the link still goes only to the account's own.
        fields["Input.Email"] = "ſ" + email[1..];

        using var sent = await browser.PostAsync("/account/forgot-password", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reset = Assert.Single(await _mail.WaitForAsync(email));
        Assert.Equal(email, Assert.Single(reset.To.Mailboxes).Address);
        Assert.Equal("Reset your PaymentLinks password", reset.Subject);
        Assert.Contains($"{PublicBaseUrl}/account/reset-password?", reset.TextBody);
        Assert.DoesNotContain("evil.example", reset.TextBody + reset.HtmlBody);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
