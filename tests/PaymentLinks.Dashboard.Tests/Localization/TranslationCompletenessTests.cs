using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using PaymentLinks.Dashboard.Checkout;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Infrastructure;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Mail.Templates;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>
/// Every language of the checkout and of the dashboard says everything English says, with the same placeholders, in its own words: read from
/// the satellite assemblies that ship, not from the source files.
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    /// <summary>Where a language's word is English's word, checked by a speaker: (family, language, key).</summary>
    private static readonly HashSet<(string, string, string)> SameAsEnglish =
    [
        .. Same(nameof(CheckoutText), ["es", "es-419", "ca"], "Pay.Total", "Pay.ErrorTitle", "Field.Error"),
        .. Same(nameof(CheckoutText), ["pt-BR", "pt-PT"], "Pay.Total"),
        .. Same(nameof(CheckoutText), ["de"], "Summary.Name"),
        .. Same(nameof(CheckoutText), ["fil"], "Field.Email"),
        // "label: value": French sets its colon apart, Japanese and Chinese write it full width; the others as English does.
        .. Same(nameof(CustomerMailText), [.. CheckoutLanguages.Names.Except(["en", "fr", "ja", "zh-Hans", "zh-Hant"])], "Common.Row"),
        // Technical words these languages borrow, and punctuation around a link or a name.
        .. Same(nameof(IntegrationText), ["es", "pt-BR", "fr", "de"], "WebhooksPage.Title", "WebhooksPage.Column.Endpoint", "WebhookEndpoints.Column.Url"),
        .. Same(nameof(IntegrationText), ["fr"], "MembersPage.Column.Actions", "ApiKeysPage.Column.Actions", "WebhooksPage.Column.Actions", "WebhookEndpoints.Column.Actions"),
        .. Same(nameof(IntegrationText), ["de"], "ApiKeysPage.Column.Status", "WebhooksPage.Column.Status", "WebhookEndpoints.Column.Status", "MailLog.Column.Status"),
        .. Same(nameof(IntegrationText), ["ar"], "MembersPage.InviteEmail.Placeholder"),
        .. Same(nameof(LayoutText), ["es", "pt-BR", "fr", "de"], "MainLayout.Nav.Webhooks", "ActivityPage.Kind.Webhooks", "OverviewPage.AmountChart.Separator"),
        .. Same(nameof(LayoutText), ["es", "pt-BR", "fr", "de", "ar"], "LiveModeNotice.NoProvider.AfterLink", "UnsubscribePage.Done.Undo.AfterLink"),
        .. Same(nameof(LinksText), ["es", "pt-BR", "de", "ar"], "BulkActions.Outcome.Done"),
        .. Same(nameof(LinksText), ["es", "pt-BR", "fr", "de"], "LinkFacts.Asks.Separator"),
        .. Same(nameof(LinksText), ["es", "pt-BR"], "Actions.Subject.One"),
        .. Same(nameof(LinksText), ["pt-BR", "de"], "Breadcrumb.Links", "LinkDetail.Title"),
        .. Same(nameof(LinksText), ["pt-BR"], "Actions.Subject.Other"),
        .. Same(nameof(LinksText), ["fr"], "LinksPage.Column.Actions", "LinkFacts.Description", "LinkForm.Question"),
        .. Same(nameof(LinksText), ["de"], "LinksPage.Column.Status", "Payments.Column.Status", "LinkForm.Detail.Optional"),
        .. Same(nameof(PaymentsText), ["de"], "PaymentsPage.Status", "PaymentsPage.Column.Status", "PaymentRefunds.Status"),
        .. Same(nameof(SettingsText), ["es", "pt-BR", "fr", "de"], "StripePanel.Webhook.Heading"),
        .. Same(nameof(RelativeTimeText), ["de"], "Future"),
        .. Same(nameof(RelativeTimeText), ["fr"], "Minutes.Plural.One", "Minutes.Plural.Other"),
    ];

    /// <summary>The checkout's families in its 43 languages, the dashboard's (its pages' and MudBlazor's words) in its six.</summary>
    private static readonly (Type Family, IReadOnlyList<string> Languages)[] Families =
    [
        (typeof(CheckoutText), CheckoutLanguages.Names), (typeof(CustomerMailText), CheckoutLanguages.Names),
        (typeof(MudBlazorText), DashboardLanguages.Names),
        .. typeof(LinksText).Assembly.GetTypes().Where(t => t.Namespace == typeof(LinksText).Namespace && !t.IsNested)
            .Select(t => (t, DashboardLanguages.Names)),
    ];

    public static TheoryData<string, string> Languages()
    {
        var data = new TheoryData<string, string>();
        foreach (var (family, languages) in Families)
        {
            foreach (var language in languages.Where(n => n != CheckoutLanguages.Default))
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

        var needed = KeysNeeded(english.Keys, CultureInfo.GetCultureInfo(language));

        Assert.Empty(needed.Except(translated.Keys)); // missing
        Assert.Empty(translated.Keys.Except(needed)); // left over from a key English no longer has
        foreach (var (key, words) in translated)
        {
            var counted = CountedWord(key);
            var englishWords = english.GetValueOrDefault(key) ?? english[$"{counted}.Plural.{PluralCategory.Other}"];
            // A plural form may leave the number out where its words say it: French "une heure", Arabic's dual "ساعتين".
            var placeholdersAgree = counted is null
                ? Placeholders(words).SequenceEqual(Placeholders(englishWords))
                : !Placeholders(words).Except(Placeholders(englishWords)).Any();
            Assert.True(placeholdersAgree,
                $"{language} {key}: placeholders {string.Join(' ', Placeholders(words))}, English has {string.Join(' ', Placeholders(englishWords))}");
            Assert.True(words != englishWords || SameAsEnglish.Contains((family, language, key)), $"{language} {key} is still English: \"{englishWords}\"");
        }
    }

    /// <summary>
    /// English's keys, with each counted word (English's <c>Days.Plural.One</c> and <c>Days.Plural.Other</c>) in every
    /// plural form of the language instead: Arabic has six, French two.
    /// </summary>
    private static HashSet<string> KeysNeeded(IEnumerable<string> englishKeys, CultureInfo culture)
    {
        var forms = Enumerable.Range(0, 1000).Select(n => PluralRules.CategoryOf(n, culture)).Distinct().ToList();
        var countedWords = englishKeys.Select(CountedWord).OfType<string>().ToHashSet();
        return englishKeys.Where(key => CountedWord(key) is null)
            .Concat(countedWords.SelectMany(word => forms.Select(form => $"{word}.Plural.{form}")))
            .ToHashSet();
    }

    /// <summary>"Days" of "Days.Plural.Few": the word a plural form's key counts, or null for a key that is not one.</summary>
    private static string? CountedWord(string key) =>
        key.IndexOf(".Plural.", StringComparison.Ordinal) is var at and > 0 && Enum.TryParse<PluralCategory>(key[(at + ".Plural.".Length)..], out _) ? key[..at] : null;

    [Fact]
    public void Every_refusal_of_an_answer_and_every_checkout_problem_has_its_words()
    {
        var english = Strings(Resources(nameof(CheckoutText)), CultureInfo.InvariantCulture);

        var needed = AnswerProblems.All.Select(code => $"Problem.{code}")
            .Concat(Enum.GetNames<CheckoutProblem>().SelectMany(problem => new[] { $"Unavailable.{problem}", $"Unavailable.{problem}.Text" }));

        Assert.Empty(needed.Except(english.Keys));
    }

    [Fact]
    public void Every_webhook_event_type_the_dashboard_lists_has_its_meaning()
    {
        var english = Strings(Resources(nameof(IntegrationText)), CultureInfo.InvariantCulture);

        Assert.Empty(WebhookEventNames.All.Select(type => $"WebhookEvents.Meaning.{type}").Except(english.Keys));
    }

    [Fact]
    public void The_allowance_to_stay_English_names_only_strings_that_are()
    {
        foreach (var (family, language, key) in SameAsEnglish)
        {
            var resources = Resources(family);
            Assert.Equal(resources.GetString(key, CultureInfo.InvariantCulture), resources.GetString(key, CultureInfo.GetCultureInfo(language)));
        }
    }

    private static ResourceManager Resources(string family)
    {
        var type = Families.Single(f => f.Family.Name == family).Family;
        return new ResourceManager(type.FullName!, type.Assembly);
    }

    private static IEnumerable<(string, string, string)> Same(string family, string[] languages, params string[] keys) =>
        languages.SelectMany(language => keys.Select(key => (family, language, key)));

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
