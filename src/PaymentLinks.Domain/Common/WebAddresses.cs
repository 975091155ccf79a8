namespace PaymentLinks.Domain.Common;

/// <summary>Addresses the product sends people or data to: absolute https, or http only to this machine.</summary>
public static class WebAddresses
{
    public const string NotAbsoluteCode = "url_not_absolute";
    public const string NotHttpsCode = "url_not_https";

    /// <summary>What is wrong with <paramref name="url"/>, or null when it is acceptable.</summary>
    public static string? Problem(string url, string what, int maxLength) => ProblemOf(url, what, maxLength)?.Message;

    /// <summary>What is wrong with <paramref name="url"/>, naming <paramref name="what"/> (and the longest length where it is too long), or null.</summary>
    public static Problem? ProblemOf(string url, object what, int maxLength)
    {
        if (url.Length > maxLength)
            return TextRules.TooLong(what, maxLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return new(NotAbsoluteCode, $"{what} must be an absolute URL.", what);
        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            return null;
        return new(NotHttpsCode, $"{what} must use https (http is allowed only for localhost).", what);
    }

    /// <summary>
    /// The address in ASCII, as a Location header must carry it: the host in its IDN form (<c>xn--…</c>), the rest
    /// percent-encoded. <c>https://café.example/merci-café</c> becomes <c>https://xn--caf-dma.example/merci-caf%C3%A9</c>.
    /// Anything that is not an absolute URL comes back as it was.
    /// </summary>
    public static string Ascii(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return url;
        var userInfo = uri.GetComponents(UriComponents.UserInfo, UriFormat.UriEscaped);
        return $"{uri.Scheme}://{(userInfo.Length > 0 ? userInfo + "@" : "")}{uri.IdnHost}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}" +
            uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
    }
}
