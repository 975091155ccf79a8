using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Which browsers have signed in as whom: a long-lived cookie per user, sealed with Data Protection. A sign-in from a
/// browser without it is a new browser, and its user is told by mail (<see cref="EvenSignInManager"/>). The browser that
/// registers an account is known from the start.
/// </summary>
public sealed class KnownBrowsers(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(365);
    private const string RegisteringItem = "PaymentLinks.Registering";
    private readonly IDataProtector _protector = protection.CreateProtector("PaymentLinks.KnownBrowsers");

    public static void Registering(HttpContext http) => http.Items[RegisteringItem] = true;

    public static bool IsRegistering(HttpContext http) => http.Items.ContainsKey(RegisteringItem);

    public bool Knows(HttpContext http, ApplicationUser user) =>
        http.Request.Cookies.TryGetValue(CookieName(user), out var sealedId) && Opens(sealedId) == user.Id;

    public void Remember(HttpContext http, ApplicationUser user) =>
        http.Response.Cookies.Append(CookieName(user), _protector.Protect(user.Id), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = Remembered,
        });

    /// <summary>"Chrome on Windows, 203.0.113.7": enough for a person to recognise their own sign-in.</summary>
    public static string Describe(HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        string browser = agent switch
        {
            _ when agent.Contains("Edg/") => "Edge",
            _ when agent.Contains("Firefox/") => "Firefox",
            _ when agent.Contains("Chrome/") => "Chrome",
            _ when agent.Contains("Safari/") => "Safari",
            _ => "A browser",
        };
        string system = agent switch
        {
            _ when agent.Contains("Android") => "Android",
            _ when agent.Contains("iPhone") || agent.Contains("iPad") => "iOS",
            _ when agent.Contains("Windows") => "Windows",
            _ when agent.Contains("Mac OS X") => "macOS",
            _ when agent.Contains("Linux") => "Linux",
            _ => "an unknown system",
        };
        return $"{browser} on {system}, from {http.Connection.RemoteIpAddress?.ToString() ?? "an unknown address"}";
    }

    // One cookie per user, named from a hash of the id, so a shared browser knows each of its users apart.
    private static string CookieName(ApplicationUser user) =>
        "pl_known_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id)))[..12];

    private string? Opens(string sealedId)
    {
        try
        {
            return _protector.Unprotect(sealedId);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
