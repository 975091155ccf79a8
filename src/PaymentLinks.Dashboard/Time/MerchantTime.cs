using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Time;

/// <summary>
/// Dates as the signed-in merchant reads them: in their time zone (stored in UTC). Pages call
/// <see cref="LoadAsync"/> once; the formatting calls are then synchronous, as rendering is.
/// </summary>
public sealed class MerchantTime(CurrentMerchant merchant, MerchantProfiles profiles, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task LoadAsync()
    {
        var caller = await merchant.GetCallerAsync();
        Zone = (await profiles.GetAsync(caller.MerchantId))?.TimeZone ?? TimeZoneInfo.Utc;
    }

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public string Absolute(DateTimeOffset instant) => $"{ToLocal(instant):yyyy-MM-dd HH:mm} {ZoneLabel}";

    public string Relative(DateTimeOffset instant) => RelativeTime.Describe(instant, Now);

    private string ZoneLabel => Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;
}
