using System.Globalization;
using System.Resources;

namespace PaymentLinks.Tests.Shared;

/// <summary>What one family of the app's resources (<typeparamref name="TFamily"/>) says in a language, to look for on its pages.</summary>
public static class Words<TFamily>
{
    private static readonly ResourceManager Resources = new(typeof(TFamily).FullName!, typeof(TFamily).Assembly);

    /// <summary>The words of <paramref name="key"/> in <paramref name="language"/>, failing if that language has none of its own.</summary>
    public static string In(string language, string key, params object[] values)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var said = Resources.GetString(key, culture) ?? throw new KeyNotFoundException(key);
        if (language != "en")
            Assert.NotEqual(Resources.GetString(key, CultureInfo.InvariantCulture), said);
        return string.Format(culture, said, values);
    }
}
