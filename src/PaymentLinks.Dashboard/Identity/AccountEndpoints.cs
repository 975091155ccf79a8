using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PaymentLinks.Dashboard.Http;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token, checked here (the endpoint binds no form fields, so the
    /// middleware would not), so that no other site can sign a merchant out.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn) =>
        {
            if (!await antiforgery.IsGenuineFormPostAsync(http))
                return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        }).DisableAntiforgery().ExcludeFromDescription(); // a dashboard form post, not part of the API
}
