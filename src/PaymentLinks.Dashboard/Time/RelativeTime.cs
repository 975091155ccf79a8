namespace PaymentLinks.Dashboard.Time;

/// <summary>"in 3 days", "5 minutes ago": how far an instant is from now, in words.</summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now)
    {
        var delta = at - now;
        var span = delta.Duration();
        if (span < TimeSpan.FromSeconds(45))
            return delta >= TimeSpan.Zero ? "in a moment" : "just now";
        var amount = span switch
        {
            _ when span < TimeSpan.FromMinutes(60) => Plural((int)Math.Round(span.TotalMinutes), "minute"),
            _ when span < TimeSpan.FromHours(24) => Plural((int)Math.Round(span.TotalHours), "hour"),
            _ when span < TimeSpan.FromDays(60) => Plural((int)Math.Round(span.TotalDays), "day"),
            _ when span < TimeSpan.FromDays(730) => Plural((int)Math.Round(span.TotalDays / 30.4), "month"),
            _ => Plural((int)Math.Round(span.TotalDays / 365.25), "year"),
        };
        return delta >= TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
