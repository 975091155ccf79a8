using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>The signed-in merchant user, as the link service wants to know them.</summary>
public sealed class CurrentMerchant(AuthenticationStateProvider authentication)
{
    public async Task<MerchantCaller> GetCallerAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return CallerOf(user) ?? throw new InvalidOperationException("No merchant is signed in.");
    }

    public static MerchantCaller? CallerOf(ClaimsPrincipal user)
    {
        var merchantId = user.FindFirstValue(MerchantClaimsPrincipalFactory.MerchantIdClaim);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(merchantId, out var id) && userId is not null
            ? new MerchantCaller(id, Actor.User(userId))
            : null;
    }
}
