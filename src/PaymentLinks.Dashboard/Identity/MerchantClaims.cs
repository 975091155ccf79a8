using System.Security.Claims;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// The signed-in merchant user, as the services want to know them, read from the sign-in's claims. Pages get it from
/// the layout's cascading <see cref="MerchantContext"/>, built from this once per circuit.
/// </summary>
public static class MerchantClaims
{
    public static MerchantCaller? CallerOf(ClaimsPrincipal user)
    {
        var merchantId = user.FindFirstValue(MerchantClaimsPrincipalFactory.MerchantIdClaim);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(merchantId, out var id) && userId is not null
            ? new MerchantCaller(id, Actor.User(userId))
            : null;
    }
}
