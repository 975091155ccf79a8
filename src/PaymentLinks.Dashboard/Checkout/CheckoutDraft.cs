using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>
/// What the customer typed on a link's pay page, kept in a protected cookie of that link's path for an hour: a
/// post that only updates the total can then redirect to the page (Back and Refresh never post again), and "Try
/// again" after a decline finds the answers where they were. Forgotten once a payment completes.
/// </summary>
public sealed class CheckoutDraft(IDataProtectionProvider protection)
{
    private const string Cookie = "pl_answers";

    /// <summary>Answers longer than the form allows are not worth a cookie; they are refused on paying anyway.</summary>
    private const int MaxJsonLength = 2_000;

    private readonly IDataProtector _protector = protection.CreateProtector("PaymentLinks.Checkout.Answers");

    public void Keep(HttpContext http, string publicId, CheckoutAnswers answers)
    {
        var json = JsonSerializer.Serialize(answers);
        if (json.Length > MaxJsonLength)
            return;
        http.Response.Cookies.Append(Cookie, _protector.Protect(json), Options(http, publicId));
    }

    public CheckoutAnswers Read(HttpContext http)
    {
        if (http.Request.Cookies[Cookie] is not { Length: > 0 } kept)
            return new CheckoutAnswers();
        try
        {
            return JsonSerializer.Deserialize<CheckoutAnswers>(_protector.Unprotect(kept)) ?? new CheckoutAnswers();
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return new CheckoutAnswers(); // made with a key that is gone, or not ours: the page starts empty
        }
    }

    public void Forget(HttpContext http, string publicId) => http.Response.Cookies.Delete(Cookie, Options(http, publicId));

    private static CookieOptions Options(HttpContext http, string publicId) => new()
    {
        Path = $"/pay/{publicId}",
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        MaxAge = TimeSpan.FromHours(1),
    };
}
