using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>Puts the user's merchant into the sign-in cookie, so every request knows whose links it may see.</summary>
public sealed class MerchantClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    public const string MerchantIdClaim = "merchant_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MerchantIdClaim, user.MerchantId.ToString()));
        return identity;
    }
}
