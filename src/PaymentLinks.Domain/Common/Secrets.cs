using System.Security.Cryptography;
using System.Text;

namespace PaymentLinks.Domain.Common;

/// <summary>The two operations every signature and token check here is made of.</summary>
public static class Secrets
{
    /// <summary>Lowercase hex HMAC-SHA256 of <paramref name="message"/>, keyed with <paramref name="secret"/>.</summary>
    public static string HexHmac(string secret, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));

    /// <summary>Whether two secrets are the same, in a time that does not tell a guesser how much of one was right.</summary>
    public static bool AreEqual(string? expected, string? presented) =>
        expected is not null && presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
