using System.Security.Cryptography;

namespace PaymentLinks.Tests.Shared;

/// <summary>What an authenticator app computes from a key (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits).</summary>
public static class Totp
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string shownKey, DateTimeOffset now)
    {
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
            Array.Reverse(counter);
        var hash = HMACSHA1.HashData(Decode(shownKey), counter);
        var offset = hash[^1] & 0x0F;
        var number = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (number % 1_000_000).ToString("D6");
    }

    /// <summary>The key as the page shows it (grouped, lower case) back to bytes.</summary>
    private static byte[] Decode(string shownKey)
    {
        var bits = string.Concat(shownKey.Replace(" ", "").ToUpperInvariant()
            .Select(c => Convert.ToString(Base32.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
