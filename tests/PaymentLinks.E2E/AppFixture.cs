using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Tests.Shared;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.E2E;

/// <summary>
/// The real app on a loopback port with its own database (SQLite, or PostgreSQL in test.sh's second pass), and Debian's Chromium driven by Playwright.
/// One per test collection: starting either is the slow part.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "e2e-pass-123";

    private readonly TestDatabase _database = TestDatabase.ForThisRun();
    private WebApplicationFactory<Program> _factory = default!;
    private IPlaywright _playwright = default!;
    private Timer? _clockDriver;
    private readonly List<(int Test, IBrowserContext Context)> _contexts = [];

    /// <summary>
    /// The app's clock. It moves with real time, so that background work (the webhook dispatcher) ticks and
    /// no two readings are equal, and a test moves it past a deadline at once instead of waiting for one. Each reading
    /// moves it a microsecond, the finest instant PostgreSQL keeps, so that stored readings stay distinct too.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMicroseconds(1) };

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Stripe's protocol on loopback: the app's <c>Stripe:ApiBase</c>, and the hosted page live links send customers to.</summary>
    public PaymentLinks.StripeFake.FakeStripe Stripe { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>The run's SMTP server, where the app's mail goes.</summary>
    public MailServer Mail { get; private set; } = default!;
    public IServiceProvider Services => _factory.Services;

    /// <summary>What the app logged, as a developer would read it in the console.</summary>
    public CapturedLog Log { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Install Debian's build: apt-get update && apt-get install -y chromium");

        Mail = MailServer.FromEnvironment();
        Stripe = await PaymentLinks.StripeFake.FakeStripe.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Stripe:ApiBase", Stripe.ApiBase);
            host.UseEnvironment("Development");
            foreach (var (key, value) in _database.Settings)
                host.UseSetting(key, value);
            host.UseSetting("DemoData:Enabled", "false");
            host.UseSetting("Webhooks:AllowLoopback", "true"); // the receivers of these tests listen on 127.0.0.1
            host.UseSetting("Sessions:RevalidationInterval", "00:00:01"); // a minute in production; tests wait seconds
            // Mail goes to the run's SMTP server (./test.sh starts one); the mail tests read it there.
            foreach (var (key, value) in Mail.Settings)
                host.UseSetting(key, value);
            foreach (var (key, value) in GenerousRateLimits.Settings)
                host.UseSetting(key, value);
            // These tests make expiry happen on purpose (a customer's visit, a refused enable on a stale page);
            // a sweeper tick in the middle of one would change the page under it. The sweeper has its own tests.
            // Tests also move the clock hours ahead; the sweeper's interval stays beyond all of that.
            host.UseSetting("ExpirySweeper:Interval", "10.00:00:00");
            host.UseUrls("http://127.0.0.1:0");
            host.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
            host.ConfigureLogging(logging => logging.AddProvider(Log));
        });
        var realTime = Stopwatch.StartNew();
        var followed = TimeSpan.Zero;
        var oneAtATime = new Lock();
        _clockDriver = new Timer(_ =>
        {
            // On a busy machine ticks overlap; one after the other, each moves the clock forward only.
            lock (oneAtATime)
            {
                var elapsed = realTime.Elapsed;
                Clock.Advance(elapsed - followed);
                followed = elapsed;
            }
        }, null, 20, 20);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/') + "/";

        // Live updates cross a SignalR circuit; on a loaded CI machine 5 s (the default) is tight for an assertion
        // that is waiting for one. Only failing assertions wait longer.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync();
    }

    /// <summary>Another Debian Chromium, for a test that needs the browser itself started differently (its caller disposes it).</summary>
    public Task<IBrowser> LaunchChromiumAsync(params string[] extraArgs) => _playwright.Chromium.LaunchAsync(ChromiumOptions(extraArgs));

    /// <summary>Debian's Chromium, headless, with nothing reaching out to a network this machine does not have.</summary>
    public static BrowserTypeLaunchOptions ChromiumOptions(params string[] extraArgs) => new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", .. extraArgs],
    };

    /// <summary>
    /// A new merchant account, created the way registration does it, with its email confirmed as its mailed link does
    /// (<c>MailTests</c> opens one) unless <paramref name="confirmed"/> is false.
    /// </summary>
    public async Task<(string Email, MerchantCaller Caller)> NewMerchantAsync(string businessName, bool confirmed = true)
    {
        var email = MailServer.NewAddress("merchant");
        await using var scope = Services.CreateAsyncScope();
        var registered = await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync(email, Password, businessName);
        Assert.True(registered.Succeeded, string.Join(" ", registered.Errors.Select(e => e.Description)));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (confirmed)
            await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        return (email, new MerchantCaller(user.MerchantId, Actor.User(user.Id), Livemode: false));
    }

    public PaymentLinkService Links => Services.GetRequiredService<PaymentLinkService>();
    public PaymentLinks.Infrastructure.Payments.PaymentLedger Ledger => Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.PaymentLedger>();
    public PaymentLinks.Infrastructure.ApiKeys.ApiKeyService ApiKeys => Services.GetRequiredService<PaymentLinks.Infrastructure.ApiKeys.ApiKeyService>();
    public PaymentLinks.Infrastructure.Merchants.MerchantProfiles Profiles => Services.GetRequiredService<PaymentLinks.Infrastructure.Merchants.MerchantProfiles>();

    /// <param name="locale">The browser's language (its Accept-Language and its formats); Playwright's en-US when null.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string? locale = null)
    {
        await CloseEarlierTestsContextsAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        _contexts.Add((TestBoundaryAttribute.Current, context));
        return await context.NewPageAsync();
    }

    /// <summary>A test's browsers end with it: what an earlier test opened is closed when the next one opens its own.</summary>
    private async Task CloseEarlierTestsContextsAsync()
    {
        var current = TestBoundaryAttribute.Current;
        foreach (var (_, context) in _contexts.Where(c => c.Test < current).ToList())
            await context.CloseAsync();
        _contexts.RemoveAll(c => c.Test < current);
    }

    public async Task DisposeAsync()
    {
        await _clockDriver!.DisposeAsync();
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await Stripe.DisposeAsync();
        _database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
