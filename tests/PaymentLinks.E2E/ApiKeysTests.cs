using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class ApiKeysTests(AppFixture app)
{
    [Fact]
    public async Task A_key_is_shown_once_works_for_the_api_and_stops_working_when_revoked()
    {
        var session = await DashboardSession.StartAsync(app, "Keyed Kitchens");
        await session.OpenAsync("settings/api-keys");
        var page = session.Page;

        await page.GetByLabel("Name of a new key").FillAsync("Web shop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = await page.GetByLabel("New API key").InputValueAsync();
        Assert.StartsWith("plk_", secret);
        await Expect(page.GetByLabel("API keys", new() { Exact = true })).ToContainTextAsync(secret[..12]);
        await Expect(page.GetByLabel("API keys", new() { Exact = true })).Not.ToContainTextAsync(secret);

        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Add("x-api-key", secret);
        Assert.True((await api.GetAsync("api/v1/payment-links")).IsSuccessStatusCode);

        await page.ReloadAsync();
        await Expect(page.GetByLabel("New API key")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Web shop" }).Locator("td[data-label='Last used']")).Not.ToContainTextAsync("never");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Web shop" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await session.ConfirmAsync("Revoke");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Web shop" })).ToContainTextAsync("revoked");
        Assert.Equal(401, (int)(await api.GetAsync("api/v1/payment-links")).StatusCode);
    }

    [Fact]
    public async Task The_return_signing_secret_is_masked_until_revealed_copies_while_masked_and_rolls_after_a_confirmation()
    {
        var session = await DashboardSession.StartAsync(app, "Masked Mints");
        await session.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await session.OpenAsync("settings/api-keys");
        var page = session.Page;
        var profiles = (PaymentLinks.Infrastructure.Merchants.MerchantProfiles)app.Services.GetService(typeof(PaymentLinks.Infrastructure.Merchants.MerchantProfiles))!;
        var secret = await profiles.ReturnSecretAsync(session.Merchant.MerchantId);
        var field = page.GetByRole(AriaRole.Group, new() { Name = "Return signing secret" });
        var shown = field.GetByTestId("secret-value");

        await Expect(shown).ToContainTextAsync("••••");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(secret);
        await field.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(field.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await field.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();
        await Expect(shown).ToHaveTextAsync(secret);

        await field.GetByRole(AriaRole.Button, new() { Name = "Roll" }).ClickAsync();
        await session.ConfirmAsync("Roll");

        await Expect(shown).Not.ToHaveTextAsync(secret);
        var rolled = await profiles.ReturnSecretAsync(session.Merchant.MerchantId);
        Assert.NotEqual(secret, rolled);
        await Expect(shown).ToHaveTextAsync(rolled);
    }

    [Fact]
    public async Task A_read_only_key_with_an_expiry_reads_but_cannot_change_links()
    {
        var session = await DashboardSession.StartAsync(app, "Reading Rooms");
        await session.OpenAsync("settings/api-keys");
        var page = session.Page;

        await page.GetByLabel("Name of a new key").FillAsync("Reporting");
        await page.GetByLabel("Access").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Read only" }).ClickAsync();
        await page.GetByLabel("Role").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Viewer" }).ClickAsync();
        await page.GetByLabel("Expires").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "In 30 days" }).ClickAsync();
        // As a person does: the form shows the choices before it is sent.
        await Expect(page.GetByLabel("Access")).ToContainTextAsync("Read only");
        await Expect(page.GetByLabel("Role")).ToContainTextAsync("Viewer");
        await Expect(page.GetByLabel("Expires")).ToContainTextAsync("In 30 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = await page.GetByLabel("New API key").InputValueAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Reporting" });
        await Expect(row.Locator("td[data-label='Access']")).ToHaveTextAsync("Read only");
        await Expect(row.Locator("td[data-label='Role']")).ToHaveTextAsync("Viewer");
        // Thirty days from the app's clock (which other tests move ahead).
        var expires = DateTimeOffset.Parse((await row.Locator("td[data-label='Expires'] time").GetAttributeAsync("datetime"))!,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - app.Clock.GetUtcNow(), TimeSpan.FromDays(30) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(30));
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Add("x-api-key", secret);
        Assert.Equal(200, (int)(await api.GetAsync("api/v1/payment-links")).StatusCode);
        Assert.Equal(403, (int)(await api.PostAsync("api/v1/payment-links", new StringContent(
            """{"title":"Nope","amount":1,"currency":"EUR"}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task A_key_without_a_name_is_refused_by_the_field()
    {
        var session = await DashboardSession.StartAsync(app, "Nameless Nets");
        await session.OpenAsync("settings/api-keys");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        await Expect(session.Page.Locator(".field:has(#key-name)")).ToContainTextAsync("Name is required");
        await Expect(session.Page.GetByText("No keys yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_link_created_through_the_api_appears_in_an_open_dashboard_without_reload()
    {
        var session = await DashboardSession.StartAsync(app, "Api Aquariums");
        var key = (await app.ApiKeys.CreateAsync(session.Merchant, "integration")).Value;
        await session.CreateLinkAsync("Goldfish bowl");
        await session.OpenAsync("links");
        await session.MarkDocumentAsync();

        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        var created = await api.PostAsJsonAsync("api/v1/payment-links", new { title = "Coral reef kit", amount = 89.5, currency = "EUR" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        await Expect(session.Row("Coral reef kit")).ToBeVisibleAsync();
        await session.ExpectBadgeAsync("ACTIVE", session.Row("Coral reef kit"));
        await session.AssertSameDocumentAsync();
    }
}
