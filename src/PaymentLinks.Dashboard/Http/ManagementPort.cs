using Microsoft.AspNetCore.Hosting;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// The management port (<c>Management:Port</c>): a second port Kestrel listens on, which serves <c>/metrics</c> and
/// nothing else, so an operator opens it to the scraper only. Unset, there is no such port and no <c>/metrics</c> anywhere.
/// </summary>
public static class ManagementPort
{
    public const string Setting = "Management:Port";

    /// <summary>The configured port, or null when there is none; a value that is no port stops the start with a clear error.</summary>
    public static int? Of(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return int.TryParse(value, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{Setting} must be a port number from 1 to 65535, or left out; it is \"{value}\".");
    }

    /// <summary>
    /// Adds the management port to the addresses Kestrel listens on. Endpoints set in code would replace the public
    /// addresses (<c>urls</c>, <c>http_ports</c>), so it joins whichever list the configuration already uses.
    /// </summary>
    public static void ListenAlsoOn(WebApplicationBuilder builder, int port)
    {
        var management = $"http://*:{port}";
        var configuration = builder.Configuration;
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            configuration["Kestrel:Endpoints:Management:Url"] = management;
            return;
        }
        builder.WebHost.UseUrls([.. PublicUrls(configuration), management]);
        // Now in the URLs: left set, they would only make the host warn that the URLs override them.
        configuration[WebHostDefaults.HttpPortsKey] = "";
        configuration[WebHostDefaults.HttpsPortsKey] = "";
    }

    /// <summary>Where the app listens without a management port, as Kestrel would decide it from the configuration.</summary>
    private static IEnumerable<string> PublicUrls(IConfiguration configuration)
    {
        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]);
        if (urls.Length > 0)
            return urls;
        var ports = Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => $"https://*:{p}")).ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"]; // Kestrel's own default
    }

    private static string[] Split(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
