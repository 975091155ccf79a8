using PaymentLinks.Dashboard.Http;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// The audit log's entries about a person's own account, in the business they work in: signing in, a refused
/// password or code, two-factor turned on or off.
/// </summary>
public static class AccountAudit
{
    public static Task RecordAsync(AppDbContext db, ApplicationUser user, HttpContext? http, DateTimeOffset now, string kind, string summary) =>
        db.RecordAsync(new MerchantCaller(user.MerchantId, Actor.User(user.Id), Livemode: false)
        {
            Label = user.Email,
            Address = http is null ? null : ClientRateLimits.AddressOf(http),
        }, now, kind, user.Id, summary, modeless: true);
}
