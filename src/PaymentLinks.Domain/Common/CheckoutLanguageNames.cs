namespace PaymentLinks.Domain.Common;

/// <summary>
/// The languages the checkout speaks, by name: what a merchant or a link may choose for customers whose browser asks for
/// none of them. English first, the fallback.
/// </summary>
public static class CheckoutLanguageNames
{
    public const string Default = "en";

    /// <summary>Longer than any name here, with room: the stored columns' width.</summary>
    public const int MaxLength = 16;

    public static IReadOnlyList<string> All { get; } =
    [
        "en", "ar", "bg", "ca", "cs", "da", "de", "el", "es", "es-419", "et", "fa", "fi", "fil", "fr", "he", "hi", "hr", "hu",
        "id", "it", "ja", "ko", "lt", "lv", "ms", "nb", "nl", "pl", "pt-BR", "pt-PT", "ro", "ru", "sk", "sl", "sv", "th", "tr",
        "uk", "ur", "vi", "zh-Hans", "zh-Hant",
    ];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}
