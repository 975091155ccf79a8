using Microsoft.AspNetCore.WebUtilities;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Components.Payments;

/// <summary>
/// Which payments the Payments page shows and exports, as written in its address
/// (<c>?link=…&amp;status=completed&amp;from=2026-11-01&amp;to=2026-11-30&amp;email=…</c>). Days are the merchant's,
/// <c>to</c> included.
/// </summary>
public sealed record PaymentFilter(Guid? Link, PaymentStatus? Status, DateOnly? From, DateOnly? To, string? Email)
{
    public static PaymentFilter None { get; } = new(null, null, null, null, null);

    /// <summary>Reads the address's parameters; anything unreadable is simply no filter.</summary>
    public static PaymentFilter Parse(string? link, string? status, string? from, string? to, string? email) => new(
        Guid.TryParse(link, out var id) ? id : null,
        EnumNames.TryParse<PaymentStatus>(status, out var s) ? s : null,
        AddressDays.Read(from), AddressDays.Read(to),
        string.IsNullOrWhiteSpace(email) ? null : email.Trim());

    public PaymentQuery ToQuery(TimeZoneInfo zone, int skip = 0, int take = 20) => new()
    {
        LinkId = Link,
        Status = Status,
        Since = From is { } from ? LocalDays.StartOf(from, zone) : null,
        Until = To is { } to ? LocalDays.StartOf(to.AddDays(1), zone) : null,
        Email = Email,
        Skip = skip,
        Take = take,
    };

    /// <summary>The parameters, leaving out what is not filtered, so that all payments have a plain address.</summary>
    public string ToQueryString() => QueryHelpers.AddQueryString("", new Dictionary<string, string?>
    {
        ["link"] = Link?.ToString(),
        ["status"] = Status?.ToString().ToLowerInvariant(),
        ["from"] = AddressDays.Write(From),
        ["to"] = AddressDays.Write(To),
        ["email"] = Email,
    }.Where(p => p.Value is not null));
}
