using System.Security.Cryptography;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Payments;

/// <summary>
/// The signature on the customer's return to the merchant's redirect URL: hex HMAC-SHA256, keyed with the
/// merchant's return secret, over <c>{payment_id}.{status}</c>. Without the secret no one can make a
/// "status=completed" return that verifies, so a hand-typed one is told apart.
/// </summary>
public static class ReturnSignature
{
    public const string SecretPrefix = "rsec_";
    public const int SecretLength = 37;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewSecret() => SecretPrefix + RandomNumberGenerator.GetString(Alphabet, SecretLength - SecretPrefix.Length);

    public static string Sign(string secret, Guid paymentId, string status) => Secrets.HexHmac(secret, $"{paymentId}.{status}");

    public static bool Verify(string secret, Guid paymentId, string status, string? signature) =>
        Secrets.AreEqual(Sign(secret, paymentId, status), signature);
}
