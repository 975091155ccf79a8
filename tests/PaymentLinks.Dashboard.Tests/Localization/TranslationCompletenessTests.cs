using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using PaymentLinks.Dashboard.Checkout;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Infrastructure;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Mail.Templates;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>
/// Every language of the checkout says everything English says, with the same placeholders, in its own words: read from
/// the satellite assemblies that ship, not from the source files.
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    /// <summary>Where a language's word is English's word, checked by a speaker: (language, key).</summary>
    private static readonly HashSet<(string, string)> SameAsEnglish =
    [
        ("es", "Pay.Total"), ("es", "Pay.ErrorTitle"), ("es", "Field.Error"),
        ("es-419", "Pay.Total"), ("es-419", "Pay.ErrorTitle"), ("es-419", "Field.Error"),
        ("ca", "Pay.Total"), ("ca", "Pay.ErrorTitle"), ("ca", "Field.Error"),
        ("pt-BR", "Pay.Total"), ("pt-PT", "Pay.Total"),
        ("de", "Summary.Name"),
        ("fil", "Field.Email"),
    ];

    public static TheoryData<string, string> Languages()
    {
        var data = new TheoryData<string, string>();
        foreach (var family in new[] { typeof(CheckoutText), typeof(CustomerMailText) })
        {
            foreach (var language in CheckoutLanguages.Names.Where(n => n != CheckoutLanguages.Default))
                data.Add(family.Name, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_says_all_English_says_with_the_same_placeholders_in_its_own_words(string family, string language)
    {
        var resources = Resources(family);
        var english = Strings(resources, CultureInfo.InvariantCulture);
        var translated = Strings(resources, CultureInfo.GetCultureInfo(language));

        Assert.Empty(english.Keys.Except(translated.Keys)); // missing
        Assert.Empty(translated.Keys.Except(english.Keys)); // left over from a key English no longer has
        foreach (var (key, words) in english)
        {
            Assert.True(Placeholders(words).SequenceEqual(Placeholders(translated[key])),
                $"{language} {key}: placeholders {string.Join(' ', Placeholders(translated[key]))}, English has {string.Join(' ', Placeholders(words))}");
            Assert.True(translated[key] != words || SameAsEnglish.Contains((language, key)), $"{language} {key} is still English: \"{words}\"");
        }
    }

    [Fact]
    public void Every_refusal_of_an_answer_and_every_checkout_problem_has_its_words()
    {
        var english = Strings(Resources(nameof(CheckoutText)), CultureInfo.InvariantCulture);

        var needed = AnswerProblems.All.Select(code => $"Problem.{code}")
            .Concat(Enum.GetNames<CheckoutProblem>().SelectMany(problem => new[] { $"Unavailable.{problem}", $"Unavailable.{problem}.Text" }));

        Assert.Empty(needed.Except(english.Keys));
    }

    [Fact]
    public void The_allowance_to_stay_English_names_only_strings_that_are()
    {
        foreach (var (language, key) in SameAsEnglish)
        {
            var resources = Resources(nameof(CheckoutText));
            Assert.Equal(resources.GetString(key, CultureInfo.InvariantCulture), resources.GetString(key, CultureInfo.GetCultureInfo(language)));
        }
    }

    private static ResourceManager Resources(string family) => family switch
    {
        nameof(CheckoutText) => new ResourceManager(typeof(CheckoutText).FullName!, typeof(CheckoutText).Assembly),
        _ => new ResourceManager(typeof(CustomerMailText).FullName!, typeof(CustomerMailText).Assembly),
    };

    /// <summary>The strings of exactly that language (its own satellite, no fall back to English).</summary>
    private static Dictionary<string, string> Strings(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new Xunit.Sdk.XunitException($"no resources for {culture.Name}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    /// <summary>{0}, {1:N2}, {amount}: each placeholder, in order of number or name.</summary>
    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<name>[0-9A-Za-z_]+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
