using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using PaymentLinks.Dashboard.Checkout;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>
/// The language of the dashboard's pages and of the connection an open dashboard runs on: the person's own choice
/// (Account settings), carried in their sign-in; else their browser's <c>Accept-Language</c>; else English. The checkout
/// chooses its own (<see cref="CheckoutLocalization"/>); the API stays English.
/// </summary>
public static class DashboardLocalization
{
    /// <summary>The sign-in's claim naming the language the person chose; absent when they left it to the browser.</summary>
    public const string LanguageClaim = "dashboard_language";

    public static void UseDashboardLocalization(this WebApplication app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(DashboardLanguages.Default),
            SupportedCultures = DashboardLanguages.Cultures.ToList(),
            SupportedUICultures = DashboardLanguages.Cultures.ToList(),
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new CustomRequestCultureProvider(ChosenLanguage),
                new CanonicalCultures(new AcceptLanguageHeaderRequestCultureProvider()),
            ],
        };
        app.UseWhen(http => !CheckoutEndpoints.IsCheckout(http) && !http.Request.Path.StartsWithSegments("/api"),
            dashboard => dashboard.UseRequestLocalization(options));
    }

    private static Task<ProviderCultureResult?> ChosenLanguage(HttpContext http) =>
        Task.FromResult(http.User.FindFirstValue(LanguageClaim) is { } chosen && DashboardLanguages.IsKnown(chosen)
            ? new ProviderCultureResult(chosen)
            : null);
}
