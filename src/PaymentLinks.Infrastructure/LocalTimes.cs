using System.Globalization;

namespace PaymentLinks.Infrastructure;

/// <summary>
/// Instants as the merchant's records have them, in mail and on the customer's pages: in the merchant's time zone, and
/// named so, read anywhere.
/// </summary>
public static class LocalTimes
{
    /// <summary>For the merchant's own mail, in English: "7 Dec 2026, 15:30 (Europe/Berlin)".</summary>
    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var (local, zone) = InZone(instant, timeZoneId);
        return $"{local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    /// <summary>For a customer, in their words: "Montag, 7. Dezember 2026 15:30 (Europe/Berlin)".</summary>
    public static string Format(DateTimeOffset instant, string timeZoneId, CultureInfo culture)
    {
        var (local, zone) = InZone(instant, timeZoneId);
        return $"{local.ToString(culture.DateTimeFormat.LongDatePattern, culture)} {local.ToString("t", culture)} ({zone.Id})";
    }

    private static (DateTimeOffset Local, TimeZoneInfo Zone) InZone(DateTimeOffset instant, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return (TimeZoneInfo.ConvertTime(instant, zone), zone);
    }
}
