using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentLinks.Infrastructure.Expiry;

public sealed class ExpirySweeperOptions
{
    public const string Section = "ExpirySweeper";

    /// <summary>How often stored rows catch up with deadlines nobody has looked at. Reads never wait for it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Persists due expiries in the background, so stored rows catch up even for links nobody opens.</summary>
public sealed class ExpirySweeper(
    LinkExpiry expiry, IOptions<ExpirySweeperOptions> options, TimeProvider clock, ILogger<ExpirySweeper> logger)
    : PeriodicWork(options.Value.Interval, clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var expired = await expiry.ExpireDueAsync(ct);
        if (expired > 0)
            Logger.LogInformation("Expiry sweep persisted {Count} expired links", expired);
    }
}
