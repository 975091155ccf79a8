using System.Globalization;
using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Dashboard.Time;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// The signed-in person and their merchant, loaded once per circuit by the layout and cascaded to every
/// page: whose links to show and in which mode, and how to show dates (in the merchant's time zone; stored in UTC).
/// Switching the mode loads the page afresh, so a circuit works in one mode all its life.
/// </summary>
/// <param name="address">Where the person's browser connects from, for the audit log.</param>
public sealed class MerchantContext(
    MerchantSession session, TimeProvider clock, IStringLocalizer<RelativeTimeText> timeWords, CultureInfo? language = null, string? address = null)
{
    public MerchantCaller Caller { get; } = new(session.MerchantId, Actor.User(session.UserId), session.ViewsLiveMode)
    {
        Label = session.Email,
        Address = address,
    };
    public bool TestMode => !Caller.Livemode;
    public string UserId => session.UserId;
    public string Email => session.Email;

    /// <summary>
    /// The role the page was opened with, deciding what it offers. The layout reloads the page when it changes; the
    /// services check the stored role again on every change anyway.
    /// </summary>
    public MemberRole Role => session.Role;
    public bool GrantedLive => session.GrantedLive;

    public bool May(Permission permission) => RolePermissions.Allows(Role, GrantedLive, permission, Caller.Livemode);

    public bool MayApply(LinkTrigger action) => May(RolePermissions.NeededFor(action));

    public string BusinessName { get; private set; } = session.BusinessName;
    public TimeZoneInfo Zone { get; private set; } = session.TimeZone;
    public bool DarkTheme { get; set; } = session.PrefersDarkTheme;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// How this merchant writes a decimal point: the one ambiguous amount (<c>1,250</c>) is read by it. The culture the
    /// circuit runs in until merchants choose a language of their own.
    /// </summary>
    public string DecimalSeparator { get; } = (language ?? CultureInfo.CurrentCulture).NumberFormat.NumberDecimalSeparator is "," ? "," : ".";

    /// <summary>After the account page saved a new name or zone: the rest of the circuit shows them.</summary>
    public void UseProfile(MerchantProfile profile)
    {
        BusinessName = profile.BusinessName;
        Zone = profile.TimeZone;
    }

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>"3 Dec 2026, 09:01 UTC": in full, with the zone, where one instant is shown on its own (in the page's language).</summary>
    public string Absolute(DateTimeOffset instant) => $"{DatePatterns.Full(ToLocal(instant))} {ZoneLabel}";

    /// <summary>"3 Dec, 09:01" (the year too when it is not this one), in the merchant's zone.</summary>
    public string Short(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return local.Year == ToLocal(Now).Year ? DatePatterns.ThisYear(local) : DatePatterns.Full(local);
    }

    /// <summary>"in 3 days", "5 minutes ago", in the page's language.</summary>
    public string Relative(DateTimeOffset instant) => RelativeTime.Describe(instant, Now, timeWords);

    public string ZoneLabel => Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;
}
