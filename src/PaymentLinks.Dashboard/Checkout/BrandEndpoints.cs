using PaymentLinks.Infrastructure.Branding;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>
/// A merchant's logo and accent colour as files for its checkout pages. Their addresses carry a version, so they
/// are cached for a year; a new logo or colour is a new address.
/// </summary>
public static class BrandEndpoints
{
    private const string ForAYear = "public, max-age=31536000, immutable";

    public static void MapBrand(this IEndpointRouteBuilder endpoints)
    {
        var brand = endpoints.MapGroup("/brand/{merchantId:guid}").ExcludeFromDescription();
        brand.MapGet("/logo", async (Guid merchantId, HttpContext http, MerchantBranding branding) =>
        {
            if (await branding.GetLogoAsync(merchantId, http.RequestAborted) is not { } logo)
                return Results.NotFound();
            http.Response.Headers.CacheControl = ForAYear;
            return Results.Bytes(logo.Content, logo.ContentType);
        });
        brand.MapGet("/theme.css", async (Guid merchantId, HttpContext http, MerchantBranding branding) =>
        {
            if ((await branding.GetAsync(merchantId, http.RequestAborted)).Accent is not { } accent)
                return Results.NotFound();
            http.Response.Headers.CacheControl = ForAYear;
            return Results.Text($":root {{ --accent: {accent}; }}\n", "text/css; charset=utf-8");
        });
    }
}
