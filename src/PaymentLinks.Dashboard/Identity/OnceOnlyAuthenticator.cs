using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1 over 30-second steps, six digits, one step of clock drift either way),
/// each accepted once: the step of the last accepted code is stored with the user, and a code of that step or an
/// earlier one is refused, so a code seen over a shoulder or in a second session cannot be used again. Two sessions
/// with the same code at once: the user's concurrency stamp lets only one save the step.
/// </summary>
public sealed class OnceOnlyAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private const string Store = "PaymentLinks", LastStep = "LastAuthenticatorStep";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>
    /// Whether this user can be asked for a code: once an authenticator app holds their key. Sign-in asks for a second
    /// factor only when some provider says yes here, so this must not say no to a user with a key.
    /// </summary>
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>Codes come from the merchant's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
            return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), CultureInfo.InvariantCulture, out var stored) ? stored : long.MinValue;
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var secret = Decode(key);
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= last || CodeAt(secret, step) != code)
                continue;
            var kept = await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture));
            return kept.Succeeded;
        }
        return false;
    }

    private static int CodeAt(byte[] secret, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
            Array.Reverse(counter);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        return (((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3]) % 1_000_000;
    }

    private static byte[] Decode(string key)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in key.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = ((buffer << 5) | Base32.IndexOf(c)) & 0x1FFF; // at most 12 bits wait for their byte
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
