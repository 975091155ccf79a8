using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PaymentLinks.Dashboard.Http;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// Counts API calls with a wrong key per client address. Once an address has used up its failures for the
/// window, its calls are refused with 429 before any key is even looked at: guessing keys stays hopeless.
/// </summary>
public sealed class FailedApiAuthentications(IOptions<ClientRateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => options.Value.FailedApiAuthentication.ToLimiterOptions()));

    public TimeSpan Window => options.Value.FailedApiAuthentication.Window;

    public bool IsBlocked(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits == 0;

    /// <summary>Counts one failure; false when it was one too many.</summary>
    public bool TryCountFailure(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _failures.Dispose();
}
