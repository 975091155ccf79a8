using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c> (none by default, not even loopback): anyone else could claim
/// any client address, and with it another client's rate limits, or a secure scheme.
/// </summary>
public static class TrustedProxies
{
    private const string Section = "ForwardedHeaders:KnownProxies";

    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
    }

    public static void UseTrustedProxies(this WebApplication app)
    {
        if (app.Configuration.GetSection(Section).Get<string[]>() is { Length: > 0 })
            app.UseForwardedHeaders();
    }
}
