using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>
/// Through the nginx front of scripts/cluster.sh: two instances on one PostgreSQL database. nginx pins a browser to
/// the instance its <c>paymentlinks_instance</c> cookie names and says which answered (<c>X-Served-By</c>), so a test
/// moves a browser between instances by setting that cookie.
/// </summary>
[Trait("Provider", "PostgresOnly")]
public sealed class ClusterTests : IAsyncLifetime
{
    private const string DemoEmail = "demo@paymentlinks.test";
    private const string DemoPassword = "demo-pass-123";

    private ClusterScript _cluster = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _cluster = await ClusterScript.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(AppFixture.ChromiumOptions());
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _cluster.StopAsync();
    }

    [Fact]
    public async Task Sign_in_checkout_and_live_updates_cross_instances_and_the_survivor_serves_when_one_is_killed()
    {
        var (publicId, title, usages, maxUsages) = await ActiveDemoLinkAsync();

        // Signed in through a, still signed in on b: the cookie's keys are in the shared database.
        var merchant = await NewBrowserAsync(1280, 800);
        await PinAsync(merchant, "a");
        var signIn = await merchant.GotoAsync("account/login");
        Assert.Equal("a", await signIn!.HeaderValueAsync("x-served-by"));
        await merchant.GetByLabel("Email").FillAsync(DemoEmail);
        await merchant.GetByLabel("Password").FillAsync(DemoPassword);
        await merchant.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(merchant.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
        await PinAsync(merchant, "b");
        var dashboard = await merchant.GotoAsync("links");
        Assert.Equal("b", await dashboard!.HeaderValueAsync("x-served-by"));
        var row = merchant.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row.GetByTestId("usage")).ToHaveTextAsync($"{usages} / {maxUsages}");

        // A checkout form served by a posts to b; the bank's answer goes to a.
        var customer = await NewBrowserAsync(390, 844);
        await PinAsync(customer, "a");
        var payPage = await customer.GotoAsync($"pay/{publicId}");
        Assert.Equal("a", await payPage!.HeaderValueAsync("x-served-by"));
        await PinAsync(customer, "b");
        var posted = await customer.RunAndWaitForResponseAsync(
            () => customer.GetByRole(AriaRole.Button, new() { NameRegex = new(@"^Pay\b") }).ClickAsync(),
            response => response.Request.Method == "POST");
        Assert.Equal("b", await posted.HeaderValueAsync("x-served-by"));
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Authorise this payment" })).ToBeVisibleAsync();
        await PinAsync(customer, "a");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Approve payment" }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Payment");

        // The dashboard on b shows the payment completed through a, without a reload.
        await Expect(row.GetByTestId("usage")).ToHaveTextAsync($"{usages + 1} / {maxUsages}");

        // a dies: a browser pinned to it is served by b, still signed in, with a live dashboard again.
        await _cluster.KillInstanceAsync("a");
        var other = await NewBrowserAsync(1280, 800);
        // The sign-in cookie, not the pin: this browser is pinned to a below.
        await other.Context.AddCookiesAsync((await merchant.Context.CookiesAsync()).Where(c => c.Name != "paymentlinks_instance").Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await PinAsync(other, "a");
        var rebalanced = await other.GotoAsync("links");
        Assert.Equal("b", await rebalanced!.HeaderValueAsync("x-served-by"));
        await Expect(other.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByTestId("usage")).ToHaveTextAsync($"{usages + 1} / {maxUsages}");
    }

    private async Task<IPage> NewBrowserAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _cluster.FrontUrl, ViewportSize = new() { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Overwrites the cookie in place, as nginx sets it (host-only, path /). Never cleared first: a late request sent
    /// without it (the favicon) would be balanced, and the answer's cookie could land after this one.
    /// </summary>
    private Task PinAsync(IPage page, string instance) => page.Context.AddCookiesAsync(
        [new Cookie { Name = "paymentlinks_instance", Value = instance, Url = _cluster.FrontUrl }]);

    /// <summary>One of the demo merchant's ACTIVE links with room for another payment, as the database has it.</summary>
    private async Task<(string PublicId, string Title, int Usages, int MaxUsages)> ActiveDemoLinkAsync()
    {
        await using var connection = new NpgsqlConnection(_cluster.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT "PublicId", "Title", "Usages", "MaxUsages" FROM "PaymentLinks"
            WHERE "Status" = 'ACTIVE' AND "Usages" + 1 < "MaxUsages" AND ("ExpiresAt" IS NULL OR "ExpiresAt" > now() + interval '1 hour')
              AND "CustomFields" = '[]' AND 'Required' NOT IN ("CustomerDetails_Email", "CustomerDetails_Name", "CustomerDetails_Phone")
            ORDER BY "CreatedAt" DESC, "Title" LIMIT 1
            """,
            connection);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The demo data has an ACTIVE link with room for a payment that needs no answers.");
        return (reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
    }
}
