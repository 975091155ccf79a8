using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>The account pages outside the dashboard's frame (invitation, registration, password) in the reader's language, over HTTP.</summary>
public sealed class AccountPagesLanguageTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_invitation_names_the_role_in_the_readers_language()
    {
        var (owner, _) = await _app.SignedInMerchantAsync("owner@invite-language.test");
        var invited = await _app.Services.GetRequiredService<Invitations>().InviteAsync(owner, "helper@invite-language.test", MemberRole.Support);
        Assert.True(invited.IsSuccess);
        var browser = new CookieJarBrowser(_app, "de-DE,de;q=0.9");

        var page = LocalizedPage.Parse(await (await browser.SendAsync(HttpMethod.Get, await InvitationPathAsync())).Content.ReadAsStringAsync());

        Assert.Equal("Kundenservice", page.Document.QuerySelector("p strong")?.TextContent);
        Assert.Contains("Sie wurden mit der Rolle Kundenservice eingeladen", page.Text);
    }

    [Fact]
    public async Task A_german_reader_is_told_in_german_what_their_password_lacks()
    {
        var page = await RegisterAsync("de-DE,de;q=0.9", "neu@identity-language.test", "nurbuchstaben");

        Assert.Equal(["Das Passwort muss mindestens eine Ziffer (0–9) enthalten."], MessagesBeside(page, "password"));
    }

    [Fact]
    public async Task A_taken_address_is_refused_once_in_the_readers_language()
    {
        await _app.SignedInMerchantAsync("taken@identity-language.test");

        var page = await RegisterAsync("es", "taken@identity-language.test", "buena-clave-1");

        Assert.Equal(["Ya existe una cuenta para taken@identity-language.test."], MessagesBeside(page, "email"));
    }

    [Fact]
    public async Task A_business_name_with_a_control_character_is_refused_in_the_readers_language()
    {
        var page = await RegisterAsync("de", "steuer@identity-language.test", "gute-pass-1", businessName: "Laden\u0007");

        Assert.Equal(["„Unternehmensname“ darf keine Steuerzeichen enthalten."], MessagesBeside(page, "business"));
    }

    private async Task<LocalizedPage> RegisterAsync(string acceptLanguage, string email, string password, string businessName = "Tienda")
    {
        var browser = new CookieJarBrowser(_app, acceptLanguage);
        var answer = await SignInForm.SubmitAsync((method, content) => browser.SendAsync(method, "/account/register", content), new()
        {
            ["Input.BusinessName"] = businessName, ["Input.Email"] = email, ["Input.Password"] = password,
        });
        return LocalizedPage.Parse(await answer.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> MessagesBeside(LocalizedPage page, string inputId) =>
        page.Document.QuerySelectorAll($".field:has(#{inputId}) .validation-message").Select(m => m.TextContent.Trim());

    private async Task<string> InvitationPathAsync()
    {
        await using var db = _app.NewContext();
        var mail = await db.OutgoingMail.SingleAsync(m => m.Kind == MailKind.Invitation);
        return new Uri(AccountMailData.Of(mail.Data).Link!).PathAndQuery;
    }
}
