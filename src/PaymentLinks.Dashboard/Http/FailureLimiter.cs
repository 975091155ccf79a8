using System.Threading.RateLimiting;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// Counts failures per key (an address, an account seen from an address). Once a key has used up its failures
/// for the window it is blocked, before anything is even checked: guessing stays hopeless.
/// </summary>
public abstract class FailureLimiter(ClientLimit limit) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => limit.ToLimiterOptions()));

    public TimeSpan Window => limit.Window;

    public bool IsBlocked(string key) => _failures.GetStatistics(key)?.CurrentAvailablePermits == 0;

    /// <summary>Counts one failure; false when it was one too many.</summary>
    public bool TryCountFailure(string key)
    {
        using var lease = _failures.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _failures.Dispose();
}
