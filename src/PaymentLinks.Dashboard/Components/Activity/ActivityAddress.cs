using Microsoft.AspNetCore.WebUtilities;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Audit;

namespace PaymentLinks.Dashboard.Components.Activity;

/// <summary>
/// Which entries the Activity page shows and exports, as written in its address
/// (<c>?kind=member&amp;who=…&amp;link=…&amp;from=2026-11-01&amp;to=2026-11-30</c>), so a filtered view can be
/// bookmarked and shared. Days are the merchant's, <c>to</c> included.
/// </summary>
public sealed record ActivityAddress(string? Kind, string? Who, Guid? Link, DateOnly? From, DateOnly? To)
{
    /// <summary>Reads the address's parameters; anything unreadable is simply no filter.</summary>
    public static ActivityAddress Parse(string? kind, string? who, string? link, string? from, string? to) => new(
        Text(kind), Text(who), Guid.TryParse(link, out var id) ? id : null, AddressDays.Read(from), AddressDays.Read(to));

    public ActivityFilter ToFilter(TimeZoneInfo zone) => new(
        Kind, Who, Link?.ToString(),
        From is { } from ? LocalDays.StartOf(from, zone) : null,
        To is { } to ? LocalDays.StartOf(to.AddDays(1), zone) : null);

    /// <summary>The parameters, leaving out what is not filtered, so that the whole log has a plain address.</summary>
    public string ToQueryString() => QueryHelpers.AddQueryString("", new Dictionary<string, string?>
    {
        ["kind"] = Kind,
        ["who"] = Who,
        ["link"] = Link?.ToString(),
        ["from"] = AddressDays.Write(From),
        ["to"] = AddressDays.Write(To),
    }.Where(p => p.Value is not null));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
