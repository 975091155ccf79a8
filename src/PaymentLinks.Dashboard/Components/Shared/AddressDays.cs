using System.Globalization;

namespace PaymentLinks.Dashboard.Components.Shared;

/// <summary>A day as filters write it in a page's address: <c>2026-11-30</c>.</summary>
public static class AddressDays
{
    /// <summary>The day, or none for anything else: an address someone edited by hand is no filter, not an error.</summary>
    public static DateOnly? Read(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string? Write(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
