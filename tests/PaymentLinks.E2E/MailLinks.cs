using System.Text.RegularExpressions;
using MimeKit;

namespace PaymentLinks.E2E;

/// <summary>The links in mail the app sent, made relative: they carry <c>Links:PublicBaseUrl</c>, and the browser opens them on this test's server.</summary>
public static class MailLinks
{
    public static string PathOf(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"https?://[^\s/]+/({Regex.Escape(path)}[^\s]*)");
        Assert.True(match.Success, $"No link to {path} in “{message.Subject}”.");
        return match.Groups[1].Value;
    }

    public static string PathOf(Uri link) => link.PathAndQuery.TrimStart('/');
}
