using System.Security.Cryptography;

namespace PaymentLinks.Domain.Links;

/// <summary>Short, URL-safe, unguessable ids for link URLs: "pl_" and 20 base62 characters (~119 bits).</summary>
public static class PublicIds
{
    public const string Prefix = "pl_";
    public const int RandomLength = 20;
    public const int MaxLength = 32;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static bool LooksLikePublicId(string? text) =>
        text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length <= MaxLength;
}
