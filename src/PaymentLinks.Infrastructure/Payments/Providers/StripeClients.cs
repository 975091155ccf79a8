using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Stripe;

namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>
/// Stripe clients for merchants' keys, all over one HTTP client with the SDK's retries (which send each retry with the
/// same idempotency key), pointed at <see cref="StripeOptions.ApiBase"/>. Keys are kept encrypted; they are decrypted
/// here, for the call, and nowhere else.
/// </summary>
public sealed class StripeClients(IOptions<StripeOptions> options, IDataProtectionProvider protection)
{
    private readonly IHttpClient _http = new SystemNetHttpClient(
        new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, options.Value.MaxNetworkRetries);

    private readonly IDataProtector _protector = protection.CreateProtector("PaymentLinks.Stripe.Keys");

    public StripeClient For(string secretKey) => new(secretKey, httpClient: _http, apiBase: options.Value.ApiBase.TrimEnd('/'));

    public StripeClient For(StripeConnection connection) => For(_protector.Unprotect(connection.ProtectedSecretKey));

    public string WebhookSecretOf(StripeConnection connection) => _protector.Unprotect(connection.ProtectedWebhookSecret);

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>Whether the call never got Stripe's answer (the network, or the client's timeout), as opposed to our own cancellation.</summary>
    public static bool Unreachable(Exception error, CancellationToken ct) =>
        error is HttpRequestException || (error is TaskCanceledException && !ct.IsCancellationRequested);
}
