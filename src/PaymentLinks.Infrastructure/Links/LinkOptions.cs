using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>The "Links" section of appsettings.json.</summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>Where customers reach the app; link URLs are built on it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The max usages a new link starts with when the merchant does not say.</summary>
    public int DefaultMaxUsages { get; set; } = LinkSettings.DefaultMaxUsages;

    public bool IsValid(out string problem)
    {
        problem = "";
        if (DefaultMaxUsages is < LinkSettings.MinMaxUsages or > LinkSettings.MaxMaxUsages)
            problem = $"Links:DefaultMaxUsages must be between {LinkSettings.MinMaxUsages} and {LinkSettings.MaxMaxUsages}.";
        else if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problem = "Links:PublicBaseUrl must be an absolute http(s) URL.";
        return problem.Length == 0;
    }

    /// <summary>True while link URLs point at this machine (the development default), which no customer can reach.</summary>
    public bool PointsAtThisMachine =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && (url.IsLoopback || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>The customer-facing address of a link.</summary>
    public string UrlFor(string publicId) => AbsoluteUrl($"pay/{publicId}");

    /// <summary>
    /// An address of this app for someone elsewhere (an email, a webhook, a copied link), built from the configured
    /// base URL, never from the request's Host header, which whoever sends the request chooses.
    /// </summary>
    public string AbsoluteUrl(string path) => $"{PublicBaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";
}

/// <summary>Refuses to start with settings that would make every new link invalid, naming the setting.</summary>
internal sealed class LinkOptionsValidation : IValidateOptions<LinkOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkOptions options) =>
        options.IsValid(out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
}
