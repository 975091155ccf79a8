using System.Text.RegularExpressions;

namespace PaymentLinks.Infrastructure;

/// <summary>
/// Text from outside (an SMTP server's answer, a provider's error) on its way into a log line: such answers often repeat
/// the address they were about ("550 &lt;ann@example.com&gt;: no such user"), and a customer's email must never reach the logs.
/// </summary>
public static partial class LogText
{
    public static string? WithoutAddresses(string? text) => text is null ? null : EmailAddress().Replace(text, "[address]");

    [GeneratedRegex(@"[^\s<>""'(),;:\[\]@]+@[^\s<>""'(),;:\[\]@]+")]
    private static partial Regex EmailAddress();
}
