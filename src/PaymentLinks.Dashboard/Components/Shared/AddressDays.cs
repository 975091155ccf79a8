using System.Globalization;
using MudBlazor;

namespace PaymentLinks.Dashboard.Components.Shared;

/// <summary>A day as filters write it in a page's address: <c>2026-11-30</c>.</summary>
public static class AddressDays
{
    /// <summary>The day, or none for anything else: an address someone edited by hand is no filter, not an error.</summary>
    public static DateOnly? Read(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string? Write(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The days a date range picker holds once it is whole (both ends) or cleared (neither). The picker reports each
    /// end as it is typed; an address written from half a range would redraw the picker and lose the other half.
    /// </summary>
    public static bool TryRead(DateRange? range, out DateOnly? from, out DateOnly? to)
    {
        from = range?.Start is { } start ? DateOnly.FromDateTime(start) : null;
        to = range?.End is { } end ? DateOnly.FromDateTime(end) : null;
        return from.HasValue == to.HasValue;
    }
}
