using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Localization.Pages;

namespace PaymentLinks.Dashboard.Time;

/// <summary>"in 3 days", "5 minutes ago": how far an instant is from now, in the page's language.</summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now, IStringLocalizer<RelativeTimeText> words)
    {
        var delta = at - now;
        var span = delta.Duration();
        var future = delta >= TimeSpan.Zero;
        if (span < TimeSpan.FromSeconds(45))
            return words[future ? "InAMoment" : "JustNow"];
        var amount = span switch
        {
            _ when span < TimeSpan.FromMinutes(60) => words.Count("Minutes", (int)Math.Round(span.TotalMinutes)),
            _ when span < TimeSpan.FromHours(24) => words.Count("Hours", (int)Math.Round(span.TotalHours)),
            _ when span < TimeSpan.FromDays(60) => words.Count("Days", (int)Math.Round(span.TotalDays)),
            _ when span < TimeSpan.FromDays(730) => words.Count("Months", (int)Math.Round(span.TotalDays / 30.4)),
            _ => words.Count("Years", (int)Math.Round(span.TotalDays / 365.25)),
        };
        // The six languages write a count the same way after "in" as before "ago" ("in 3 Tagen", "vor 3 Tagen").
        return words[future ? "Future" : "Past", amount];
    }
}
