using PaymentLinks.Domain.Common;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>
/// <c>PaymentLinks-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the endpoint's secret&gt;</c>.
/// The timestamp is signed too, so a receiver can refuse old replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "PaymentLinks-Signature";

    public static string Create(string secret, long unixSeconds, string body) => $"t={unixSeconds},v1={Hmac(secret, unixSeconds, body)}";

    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var seconds) || !parts.TryGetValue("v1", out var v1))
            return false;
        return Secrets.AreEqual(Hmac(secret, seconds, body), v1);
    }

    private static string Hmac(string secret, long unixSeconds, string body) => Secrets.HexHmac(secret, $"{unixSeconds}.{body}");
}
