using System.Security.Claims;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// The signed-in merchant user, read from the sign-in's claims. Pages get who they work for (and in which mode) from the
/// layout's cascading <see cref="MerchantContext"/>, built from this once per circuit.
/// </summary>
public static class MerchantClaims
{
    public static (Guid MerchantId, string UserId)? SignedInOf(ClaimsPrincipal user)
    {
        var merchantId = user.FindFirstValue(MerchantClaimsPrincipalFactory.MerchantIdClaim);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(merchantId, out var id) && userId is not null ? (id, userId) : null;
    }
}
