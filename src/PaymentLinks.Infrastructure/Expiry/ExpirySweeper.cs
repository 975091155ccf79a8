using Microsoft.Extensions.Hosting;
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
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                var expired = await expiry.ExpireDueAsync(ct: stoppingToken);
                if (expired > 0)
                    logger.LogInformation("Expiry sweep persisted {Count} expired links", expired);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Expiry sweep failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
