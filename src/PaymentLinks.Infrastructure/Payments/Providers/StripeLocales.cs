namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>
/// The customer's checkout language as Stripe's hosted page names it (SessionCreateOptions.Locale, as Stripe.net documents
/// it), so the page they are sent to goes on in the language they chose; "auto" (their browser's) for one Stripe lacks.
/// </summary>
internal static class StripeLocales
{
    private static readonly Dictionary<string, string> Spoken = new(StringComparer.Ordinal)
    {
        ["bg"] = "bg", ["cs"] = "cs", ["da"] = "da", ["de"] = "de", ["el"] = "el", ["en"] = "en", ["es"] = "es", ["es-419"] = "es-419",
        ["et"] = "et", ["fi"] = "fi", ["fil"] = "fil", ["fr"] = "fr", ["hi"] = "hi-IN", ["hr"] = "hr", ["hu"] = "hu", ["id"] = "id",
        ["it"] = "it", ["ja"] = "ja", ["ko"] = "ko", ["lt"] = "lt", ["lv"] = "lv", ["ms"] = "ms", ["nb"] = "nb", ["nl"] = "nl",
        ["pl"] = "pl", ["pt-BR"] = "pt-BR", ["pt-PT"] = "pt", ["ro"] = "ro", ["ru"] = "ru", ["sk"] = "sk", ["sl"] = "sl", ["sv"] = "sv",
        ["th"] = "th", ["tr"] = "tr", ["vi"] = "vi", ["zh-Hans"] = "zh", ["zh-Hant"] = "zh-TW",
    };

    public const string BrowsersOwn = "auto";

    public static string For(string? language) => language is not null && Spoken.TryGetValue(language, out var locale) ? locale : BrowsersOwn;
}
