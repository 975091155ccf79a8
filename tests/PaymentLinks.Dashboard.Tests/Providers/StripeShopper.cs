using System.Net;
using System.Text.RegularExpressions;
using PaymentLinks.StripeFake;

namespace PaymentLinks.Dashboard.Tests.Providers;

/// <summary>
/// A customer paying a Stripe-routed link at the HTTP level: our pay page (its own cookies), then the fake's hosted
/// page, then back to our success URL, as a browser follows those redirects.
/// </summary>
public sealed partial class StripeShopper(HttpClient app, FakeStripe stripe)
{
    private readonly Http.CheckoutCustomer _customer = new(app);

    /// <summary>A customer with a browser of their own (cookies kept, redirects not followed) on the app at <paramref name="address"/>.</summary>
    public static StripeShopper At(Uri address, FakeStripe stripe, string? acceptLanguage = null)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        if (acceptLanguage is not null)
            browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return new(browser, stripe);
    }

    /// <summary>Posts our pay page; the address it sends the customer to (the fake's hosted page), or null with the page it showed instead.</summary>
    public async Task<(string? HostedPage, HttpResponseMessage Answer)> StartAsync(string publicId, Dictionary<string, string>? answers = null)
    {
        var answer = await _customer.PostPayFormAsync(publicId, answers ?? []);
        var location = answer.Headers.Location?.ToString();
        return (answer.StatusCode == HttpStatusCode.SeeOther && location?.StartsWith(stripe.ApiBase, StringComparison.Ordinal) == true ? location : null, answer);
    }

    /// <summary>Pays on the hosted page: the success URL Stripe sends the customer back to.</summary>
    public string AuthorizeAt(string hostedPage) =>
        stripe.Pay(SessionIdOf(hostedPage)) ?? throw new InvalidOperationException($"{hostedPage} is not open.");

    /// <summary>Back on our success URL: the page the customer ends on.</summary>
    public async Task<(HttpStatusCode Status, string Html)> ReturnAsync(string successUrl)
    {
        var answer = await app.GetAsync(new Uri(successUrl).PathAndQuery);
        while (answer.StatusCode == HttpStatusCode.SeeOther)
            answer = await app.GetAsync(answer.Headers.Location);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    public static string SessionIdOf(string hostedPage) => SessionId().Match(hostedPage).Groups["id"].Value;

    [GeneratedRegex("/c/pay/(?<id>cs_[A-Za-z0-9_]+)")]
    private static partial Regex SessionId();
}
