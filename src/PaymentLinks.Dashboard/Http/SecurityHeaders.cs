using System.Security.Cryptography;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// Headers on every response: what the browser may load and run (Content-Security-Policy), no framing, no MIME
/// sniffing, and how much of the address travels on as a referrer. Checkout pages run no script at all; the
/// dashboard runs only this site's scripts and the import map carrying this response's nonce.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce of this response's Content-Security-Policy, for the one inline script (the import map).</summary>
    public static string NonceOf(HttpContext http) => http.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool development) => app.Use(async (http, next) =>
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: nothing the HTML encoder would change
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var (policy, referrer) = PolicyFor(http.Request.Path, nonce, development);
            headers.ContentSecurityPolicy = policy;
            headers["Referrer-Policy"] = referrer;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Nothing here uses a camera, a microphone, the location or the Payment Request API; nothing may.
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        await next();
    });

    private static (string Policy, string Referrer) PolicyFor(PathString path, string nonce, bool development)
    {
        if (path.StartsWithSegments(Checkout.CheckoutEndpoints.PathPrefix))
        {
            // Paying ends in a redirect to the merchant's own https page (in Development also to this machine).
            var returns = development ? "https: http://localhost:* http://127.0.0.1:*" : "https:";
            return ($"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' {returns}; " +
                    "frame-ancestors 'none'; base-uri 'none'", "no-referrer");
        }
        // A logo opened on its own (an SVG is a document) may draw, and nothing else.
        if (path.StartsWithSegments("/brand"))
            return ("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox", "no-referrer");
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
            return ("default-src 'none'; frame-ancestors 'none'", "no-referrer");
        // MudBlazor sets inline styles on its components, hence 'unsafe-inline' for styles (never for scripts).
        return ($"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            "same-origin");
    }
}
