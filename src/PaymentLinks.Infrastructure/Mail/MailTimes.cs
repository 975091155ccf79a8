using System.Globalization;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>Instants in mail, in the merchant's time zone and named so: a receipt read anywhere says when the merchant was paid.</summary>
internal static class MailTimes
{
    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }
}
