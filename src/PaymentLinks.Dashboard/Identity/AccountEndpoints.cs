using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PaymentLinks.Dashboard.Http;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token, checked here (the endpoint binds no form fields, so the
    /// middleware would not), so that no other site can sign a merchant out. It ends this sign-in in every
    /// tab; "everywhere" also changes the security stamp, which ends every other sign-in of the user.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", (HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn, AppDbContext db, TimeProvider clock) =>
                SignOutAsync(http, antiforgery, signIn, db, clock, everywhere: false))
            .DisableAntiforgery().ExcludeFromDescription(); // a dashboard form post, not part of the API
        endpoints.MapPost("/account/logout-everywhere", (HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn, AppDbContext db, TimeProvider clock) =>
                SignOutAsync(http, antiforgery, signIn, db, clock, everywhere: true))
            .DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapPost("/account/switch-business", SwitchBusinessAsync).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapPost("/account/language", ChooseLanguageAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>
    /// Keeps the dashboard language the person chose (none: their browser's) and issues their sign-in again with it, so
    /// that the page this answer returns to, and every dashboard they open afterwards, speaks it. A language the dashboard
    /// does not have changes nothing.
    /// </summary>
    private static async Task<IResult> ChooseLanguageAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn)
    {
        if (!await antiforgery.IsGenuineFormPostAsync(http))
            return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var chosen = form["language"].ToString() is { Length: > 0 } name ? name : null;
        if ((chosen is null || DashboardLanguages.IsKnown(chosen)) && await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            user.DashboardLanguage = chosen;
            await signIn.UserManager.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return Results.LocalRedirect("~/settings/account");
    }

    /// <summary>
    /// Opens another business the person is a member of: it becomes their current one, and the sign-in, which names
    /// the business, is issued again for it. A business they are not a member of changes nothing.
    /// </summary>
    private static async Task<IResult> SwitchBusinessAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn, MerchantSessions sessions)
    {
        if (!await antiforgery.IsGenuineFormPostAsync(http))
            return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!Guid.TryParse(form["merchantId"], out var merchantId) || await signIn.UserManager.GetUserAsync(http.User) is not { } user
            || !await sessions.OpenBusinessAsync(user.Id, merchantId, http.RequestAborted))
            return Results.LocalRedirect("~/");
        user.MerchantId = merchantId; // as now stored (by another context): the sign-in issued again names it
        await signIn.RefreshSignInAsync(user);
        return Results.LocalRedirect("~/");
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn, AppDbContext db, TimeProvider clock, bool everywhere)
    {
        if (!await antiforgery.IsGenuineFormPostAsync(http))
            return Results.BadRequest();
        // A session already ended arrives here signed out (EndedSessions), so a second sign-out adds nothing.
        if (http.User.FindFirstValue(MerchantClaimsPrincipalFactory.SessionIdClaim) is { } session)
            await EndedSessions.EndAsync(db, session, clock.GetUtcNow());
        if (everywhere && await signIn.UserManager.GetUserAsync(http.User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Results.LocalRedirect("~/account/login");
    }
}
