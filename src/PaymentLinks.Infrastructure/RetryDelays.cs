namespace PaymentLinks.Infrastructure;

/// <summary>How long the outboxes (rail operations, webhook deliveries, mail) wait before trying again.</summary>
public static class RetryDelays
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>After the <paramref name="failedAttempts"/>-th failure (1 or more): the base delay, doubled for each failure before, at most an hour.</summary>
    public static TimeSpan Doubling(TimeSpan baseDelay, int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(baseDelay.Ticks * (1L << Math.Min(failedAttempts - 1, 20)), Longest.Ticks));
}
