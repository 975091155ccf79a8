using Microsoft.AspNetCore.Localization;
using PaymentLinks.Dashboard.Checkout;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>
/// The language of the customer's pages (everything under <c>/pay</c>), by ASP.NET Core's request localization: a
/// <c>?locale=</c> on the address (the link as sent, or an entry of the pages' language menu), then the choice kept from
/// it for the rest of the flow, then the browser's <c>Accept-Language</c>, then the merchant's default language for
/// customers; else English. A name that is not one of <see cref="CheckoutLanguages"/> is passed over in silence for the next.
/// </summary>
public static class CheckoutLocalization
{
    public const string QueryKey = "locale";

    /// <summary>Where the choice made by <c>?locale=</c> is kept: forms post and pages redirect without the query.</summary>
    public const string ChoiceCookie = "pl_locale";

    public static void UseCheckoutLocalization(this WebApplication app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CheckoutLanguages.Default),
            SupportedCultures = CheckoutLanguages.Cultures.ToList(),
            SupportedUICultures = CheckoutLanguages.Cultures.ToList(),
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            ApplyCurrentCultureToResponseHeaders = true,
            RequestCultureProviders =
            [
                new CanonicalCultures(new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey }),
                new CanonicalCultures(new CookieRequestCultureProvider { CookieName = ChoiceCookie }),
                new CanonicalCultures(new AcceptLanguageHeaderRequestCultureProvider()),
                new MerchantsLanguage(),
            ],
        };
        app.UseWhen(CheckoutEndpoints.IsCheckout, checkout =>
        {
            checkout.UseRequestLocalization(options);
            checkout.Use(KeepChoice);
        });
    }

    /// <summary>
    /// A language chosen on the address holds for the next pages, which the customer reaches by forms and redirects. Every
    /// answer says that it depends on the language asked for, so that no cache serves one customer's page in another's.
    /// </summary>
    private static Task KeepChoice(HttpContext http, RequestDelegate next)
    {
        http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, "Accept-Language, Cookie");
        if (http.Features.Get<IRequestCultureFeature>() is { Provider: CanonicalCultures { Inner: QueryStringRequestCultureProvider } } chosen)
        {
            http.Response.Cookies.Append(ChoiceCookie, CookieRequestCultureProvider.MakeCookieValue(chosen.RequestCulture), new CookieOptions
            {
                Path = CheckoutEndpoints.PathPrefix,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                IsEssential = true, // for this browser session: another payment another day starts from the browser's language again
            });
        }
        return next(http);
    }

    /// <summary>
    /// The merchant's choice for customers whose browser asks for none of ours: for a checkout route's link, read as the
    /// pay page reads it (the link cache). A failure here leaves the choice to the next step, the page's own handling.
    /// </summary>
    private sealed class MerchantsLanguage : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.GetRouteValue("publicId") is not string publicId)
                return null;
            try
            {
                var language = await httpContext.RequestServices.GetRequiredService<CheckoutService>().LanguageOfAsync(publicId, httpContext.RequestAborted);
                return language is null ? null : new ProviderCultureResult(language);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }
        }
    }
}
