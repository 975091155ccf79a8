using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>The whole app in memory (WebApplicationFactory) over the run's own fresh database, or one it is given to share.</summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    private readonly Action<IServiceCollection>? _services;
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "paymentlinks-test-mail");

    /// <param name="services">Replaces services of the app's (a mail sender that keeps what it was given, say).</param>
    public DashboardApp(Dictionary<string, string>? settings = null, TestDatabase? database = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = settings ?? [];
        _ownsDatabase = database is null;
        _database = database ?? TestDatabase.ForThisRun();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Webhooks:AllowLoopback", "true"); // the receivers of these tests listen on 127.0.0.1
        // Mail a test does not read goes to files of its own, never into the repository; a test that reads mail sends it to the run's SMTP server.
        builder.UseSetting("Email:PickupFolder", _mailFolder);
        foreach (var (key, value) in PaymentLinks.Tests.Shared.GenerousRateLimits.Settings)
            builder.UseSetting(key, value);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    /// <summary>Serves on a real loopback port (Kestrel) instead of in memory; clients made afterwards go there.</summary>
    public Uri ServeOnRealSocket()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client that speaks to the API with a fresh key of this merchant.</summary>
    public async Task<HttpClient> ApiClientAsync(MerchantCaller merchant, bool bearer = false, MemberRole? role = null, string name = "tests")
    {
        var key = (await Services.GetRequiredService<Infrastructure.ApiKeys.ApiKeyService>().CreateAsync(merchant, name, role: role)).Value;
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (bearer)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Secret);
        else
            client.DefaultRequestHeaders.Add("x-api-key", key.Secret);
        return client;
    }

    public PaymentLinkService Links => Services.GetRequiredService<PaymentLinkService>();

    public AppDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task<MerchantCaller> NewMerchantAsync(string name)
    {
        await using var db = NewContext();
        return await TestMerchants.AddAsync(db, name, DateTimeOffset.UtcNow);
    }

    /// <summary>A merchant with a user, and a browser (cookies kept, redirects not followed) signed in as it through the sign-in form.</summary>
    public async Task<(MerchantCaller Merchant, HttpClient Browser)> SignedInMerchantAsync(string email, string password = "signed-in-pass-1")
    {
        await using (var scope = Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync(email, password, email)).Succeeded);
        await using var users = Services.CreateAsyncScope();
        var user = await users.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return (new MerchantCaller(user!.MerchantId, Actor.User(user.Id), Livemode: false), await SignInAsync(email, password));
    }

    /// <summary>
    /// A person who joined <paramref name="business"/> with <paramref name="role"/> (their own business left behind),
    /// viewing live mode or test mode, and a browser signed in as them.
    /// </summary>
    public async Task<HttpClient> SignedInMemberAsync(MerchantCaller business, string email, MemberRole role, bool viewsLiveMode = false)
    {
        const string password = "member-pass-1";
        await using (var scope = Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync(email, password, email)).Succeeded);
        await using (var db = NewContext())
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            await Members.JoinAsync(db, business.MerchantId, userId, role, DateTimeOffset.UtcNow, default);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.ViewsLiveMode, viewsLiveMode));
        }
        return await SignInAsync(email, password);
    }

    private async Task<HttpClient> SignInAsync(string email, string password)
    {
        var browser = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answer = await SignInForm.SubmitAsync((method, content) => browser.SendAsync(new HttpRequestMessage(method, "/account/login") { Content = content }),
            email, password);
        Assert.True(SignInForm.SignedIn(answer), $"{email} was not signed in ({(int)answer.StatusCode}).");
        return browser;
    }

    public async Task<LinkView> ActiveLinkAsync(MerchantCaller merchant, int maxUsages, string? redirectUrl = null) =>
        (await Links.CreateAsync(merchant, new LinkSettings
        {
            Title = "Concert ticket", Amount = 30m, Currency = "EUR", MaxUsages = maxUsages, RedirectUrl = redirectUrl,
        }, publish: true)).Value;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            _database.Dispose();
    }
}
