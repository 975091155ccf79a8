namespace PaymentLinks.Domain.Common;

/// <summary>Addresses the product sends people or data to: absolute https, or http only to this machine.</summary>
public static class WebAddresses
{
    /// <summary>What is wrong with <paramref name="url"/>, or null when it is acceptable.</summary>
    public static string? Problem(string url, string what, int maxLength)
    {
        if (url.Length > maxLength)
            return $"{what} must be at most {maxLength} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return $"{what} must be an absolute URL.";
        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            return null;
        return $"{what} must use https (http is allowed only for localhost).";
    }
}
