using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Http;

/// <summary>How long browsers keep to HTTPS once they have seen it (sent over HTTPS outside Development only).</summary>
public sealed class HstsSettings
{
    public const string Section = "Hsts";

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);
    public bool IncludeSubDomains { get; set; } = true;
}

/// <summary>
/// The certificate that encrypts the Data Protection keys in the database (the keys that sign cookies and protect the
/// checkout's answers): a PFX file and its password. Without one the keys are stored as they are, which anyone who
/// can read the database can use to forge a sign-in cookie.
/// </summary>
public sealed class KeyProtectionSettings
{
    public const string Section = "DataProtection:Certificate";

    public string? Path { get; set; }
    public string? Password { get; set; }
}

/// <summary>What a penetration test asked of the transport and the stored keys, beyond the headers of <see cref="SecurityHeaders"/>.</summary>
public static class Hardening
{
    public static void AddHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // no "Server: Kestrel" to look up exploits by
        var hsts = builder.Configuration.GetSection(HstsSettings.Section).Get<HstsSettings>() ?? new HstsSettings();
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = hsts.MaxAge;
            options.IncludeSubDomains = hsts.IncludeSubDomains;
        });
        // Secure whenever the request came over HTTPS (directly or through a trusted proxy).
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // The key ring itself lives in the database (AddPaymentLinksInfrastructure); here it may be encrypted at rest.
        var keys = builder.Services.AddDataProtection();
        var certificate = builder.Configuration.GetSection(KeyProtectionSettings.Section).Get<KeyProtectionSettings>();
        if (certificate?.Path is { Length: > 0 } path)
            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, certificate.Password));
    }
}
