using Microsoft.AspNetCore.Identity;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST (with antiforgery) so that no link or image can sign a merchant out.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
}
