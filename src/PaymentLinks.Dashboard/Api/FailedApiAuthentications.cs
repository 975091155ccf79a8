using Microsoft.Extensions.Options;
using PaymentLinks.Dashboard.Http;

namespace PaymentLinks.Dashboard.Api;

/// <summary>API calls with a wrong key, per client address; past the limit even a right key waits.</summary>
public sealed class FailedApiAuthentications(IOptions<ClientRateLimitOptions> options)
    : FailureLimiter(options.Value.FailedApiAuthentication);
