using System.Globalization;
using System.Resources;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Infrastructure;

namespace PaymentLinks.Tests.Shared;

/// <summary>What the checkout's resources say in a language, to look for on its pages.</summary>
public static class CheckoutWords
{
    private static readonly ResourceManager Resources = new(typeof(CheckoutText).FullName!, typeof(CheckoutText).Assembly);

    /// <summary>The words of <paramref name="key"/> in <paramref name="language"/>, failing if that language has none of its own.</summary>
    public static string In(string language, string key, params object[] values)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var said = Resources.GetString(key, culture) ?? throw new KeyNotFoundException(key);
        if (language != CheckoutLanguages.Default)
            Assert.NotEqual(Resources.GetString(key, CultureInfo.InvariantCulture), said);
        return string.Format(culture, said, values);
    }
}
