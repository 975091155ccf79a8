namespace PaymentLinks.Infrastructure;

/// <summary>Days as the merchant lives them: instants are stored in UTC, charts and filters count days in the merchant's zone.</summary>
public static class LocalDays
{
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant the day begins in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
