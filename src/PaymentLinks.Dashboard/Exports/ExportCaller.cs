using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Exports;

/// <summary>Who asks for a download: the signed-in member, in the mode the page named, and the zone their days are counted in.</summary>
public static class ExportCaller
{
    public static async Task<(MerchantCaller Caller, TimeZoneInfo Zone)> OfAsync(HttpContext http, MerchantProfiles profiles, string? livemode)
    {
        var (merchantId, userId) = MerchantClaims.SignedInOf(http.User)!.Value;
        var caller = new MerchantCaller(merchantId, Actor.User(userId), livemode == "true");
        var zone = (await profiles.GetAsync(caller.MerchantId, http.RequestAborted))?.TimeZone ?? TimeZoneInfo.Utc;
        return (caller, zone);
    }
}
