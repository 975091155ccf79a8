using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Checkout;
using PaymentLinks.Dashboard.Tests.Http;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments.Providers;
using PaymentLinks.StripeFake;

namespace PaymentLinks.Dashboard.Tests.Providers;

/// <summary>
/// The app on a real loopback port with its Stripe API pointed at a <see cref="FakeStripe"/> (one setting,
/// <c>Stripe:ApiBase</c>), so that the fake's events reach the app's webhook URL as Stripe's would.
/// </summary>
public sealed class StripeShop : IAsyncDisposable
{
    private StripeShop(FakeStripe stripe, DashboardApp app, Uri address)
    {
        Stripe = stripe;
        App = app;
        Address = address;
    }

    public FakeStripe Stripe { get; }
    public DashboardApp App { get; }
    public Uri Address { get; }

    public static async Task<StripeShop> StartAsync(Dictionary<string, string>? settings = null)
    {
        var stripe = await FakeStripe.StartAsync();
        var app = new DashboardApp(new Dictionary<string, string>(settings ?? [])
        {
            ["Stripe:ApiBase"] = stripe.ApiBase,
            ["Rails:RetryBaseDelay"] = "00:00:00.200",
        });
        return new StripeShop(stripe, app, app.ServeOnRealSocket());
    }

    /// <summary>A merchant whose live mode is connected to a fake Stripe account, webhook and all, as the settings page does it.</summary>
    public async Task<(MerchantCaller Live, FakeAccount Account)> LiveMerchantAsync(string name)
    {
        var merchant = await App.NewMerchantAsync(name) with { Livemode = true };
        return (merchant, await ConnectAsync(Stripe, App.Services, merchant, Address, name));
    }

    /// <summary>
    /// Connects <paramref name="live"/> to a new account of <paramref name="stripe"/> through the app's own service, and
    /// points the account's events at the app listening on <paramref name="app"/>.
    /// </summary>
    /// <param name="secretKey">The account's key, when the test must know it; a new one otherwise.</param>
    public static async Task<FakeAccount> ConnectAsync(FakeStripe stripe, IServiceProvider services, MerchantCaller live, Uri app, string name, string? secretKey = null)
    {
        var key = secretKey ?? "sk_live_" + Guid.NewGuid().ToString("N");
        var account = stripe.AddAccount(key, name);
        var connections = services.GetRequiredService<StripeConnections>();
        var connection = (await connections.ConnectAsync(live, key)).Value;
        account.WebhookSecret = "whsec_" + Guid.NewGuid().ToString("N");
        Assert.True((await connections.SetWebhookSecretAsync(live, account.WebhookSecret)).IsSuccess);
        account.WebhookUrl = new Uri(app, StripeWebhookEndpoints.PathPrefix + connection.WebhookToken).ToString();
        return account;
    }

    /// <summary>A published live link of 30 EUR a unit; up to five units when <paramref name="maxQuantity"/> says so.</summary>
    public async Task<LinkView> LiveLinkAsync(MerchantCaller live, int maxUsages, int? maxQuantity = null)
    {
        var created = await App.Links.CreateAsync(live, new LinkSettings
        {
            Title = "Concert ticket", Amount = 30m, Currency = "EUR", MaxUsages = maxUsages, MaxQuantity = maxQuantity,
        }, publish: true);
        Assert.True(created.IsSuccess, created.Refusal?.Message);
        return created.Value;
    }

    /// <summary>A customer pays the link on Stripe's page and comes back: our payment, and the PaymentIntent Stripe authorized for it.</summary>
    public async Task<(Guid PaymentId, string PaymentIntent)> PaidAsync(LinkView link)
    {
        var shopper = Shopper();
        var (hostedPage, answer) = await shopper.StartAsync(link.PublicId);
        Assert.True(hostedPage is not null, $"not sent to Stripe ({(int)answer.StatusCode})");
        var receipt = await shopper.ReturnAsync(shopper.AuthorizeAt(hostedPage));
        Assert.Contains("Payment received", receipt.Html);
        var session = Stripe.Session(StripeShopper.SessionIdOf(hostedPage));
        return (Guid.Parse(session.ClientReferenceId), session.PaymentIntentId);
    }

    /// <summary>A customer with a browser of their own (cookies kept, redirects not followed) on the real port.</summary>
    /// <param name="acceptLanguage">The customer's browser's languages; none sent when null.</param>
    public StripeShopper Shopper(string? acceptLanguage = null) => StripeShopper.At(Address, Stripe, acceptLanguage);

    public async ValueTask DisposeAsync()
    {
        await Stripe.DisposeAsync();
        await App.DisposeAsync();
    }
}
