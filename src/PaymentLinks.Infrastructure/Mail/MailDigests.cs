namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Frequent payments: after <see cref="EmailOptions.NewPaymentMailsBeforeDigest"/> new-payment mails to a user within an
/// hour, the next ones are folded into one digest for the clock hour, sent when the hour ends.
/// </summary>
internal static class MailDigests
{
    public const string FoldedNote = "In the hour's digest";

    public static DateTimeOffset HourStarting(DateTimeOffset instant) =>
        new(instant.UtcDateTime.Date.AddHours(instant.UtcDateTime.Hour), TimeSpan.Zero);

    public static string KeyOf(string userId, bool livemode, DateTimeOffset hour) =>
        $"digest:{userId}:{(livemode ? "live" : "test")}:{hour.UtcDateTime:yyyyMMddHH}";

    public static DateTimeOffset HourOf(OutgoingMail digest) => DateTimeOffset.Parse(digest.Data!, System.Globalization.CultureInfo.InvariantCulture);
}
