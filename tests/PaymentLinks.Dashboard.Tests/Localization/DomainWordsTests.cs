using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Payments.Providers;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>What the domain refuses, said in the dashboard's languages by its codes; the API's English stays as it was.</summary>
public sealed class DomainWordsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().AddTransient<DomainWords>().BuildServiceProvider();

    private DomainWords Words => _services.GetRequiredService<DomainWords>();

    public void Dispose() => _services.Dispose();

    /// <summary>Settings that break every rule a link's settings have, one problem each (or more).</summary>
    public static readonly LinkSettings[] Broken =
    [
        new() { Title = " ", Amount = 0, Currency = "XXX", MaxUsages = 0, RedirectUrl = "ftp://shop.example", CheckoutLanguage = "tlh" },
        new() { Title = new string('a', 121), Description = "a\u202Eb", Amount = 1.234m, Currency = "EUR", DisabledMessage = "a\u0007b", RedirectUrl = "shop" },
        new() { Title = "a\u0007", Amount = 2_000_000_000m, Currency = "EUR", RedirectUrl = "http://shop.example" },
        new() { Title = "Box\uD800", Amount = 10m, Currency = "EUR", CustomerChoosesAmount = true, MaximumAmount = 5m, SuggestedAmount = 4m, MaxQuantity = 3 },
        new() { Title = "Box", Amount = 10m, Currency = "EUR", CustomerChoosesAmount = true, SuggestedAmount = 50_000m },
        new() { Title = "Box", Amount = 10m, Currency = "EUR", MaxQuantity = 200 },
        new() { Title = "Box", Amount = 900_000_000m, Currency = "EUR", MaxQuantity = 2, CustomerDetails = new() { Email = (DetailMode)9 } },
        new() { Title = "Box", Amount = 1m, Currency = "EUR", CustomFields = Enumerable.Repeat(new CustomField("Size", CustomFieldKind.Text, false, []), 6).ToList() },
        new()
        {
            Title = "Box", Amount = 1m, Currency = "EUR",
            CustomFields = [new("", CustomFieldKind.Text, false, ["x"]), new("Size", (CustomFieldKind)7, false, []), new("size", CustomFieldKind.Choice, false, ["S"])],
        },
        new()
        {
            Title = "Box", Amount = 1m, Currency = "EUR",
            CustomFields = [new("Colour", CustomFieldKind.Choice, false, ["Red", ""]), new("Fit", CustomFieldKind.Choice, false, ["Slim", new string('x', 41)])],
        },
        new()
        {
            Title = "Box", Amount = 1m, Currency = "EUR",
            CustomFields = [new("Gift\u0007", CustomFieldKind.Choice, false, ["Yes", "yes"]), new("Wrap", CustomFieldKind.Choice, false, ["A\u0007", "B"])],
        },
    ];

    [Fact]
    public void Every_problem_the_domain_can_name_has_words_and_every_setting_a_name()
    {
        using var language = new CultureScope("en");
        var text = _services.GetRequiredService<IStringLocalizer<ProblemsText>>();
        var codes = ProblemClasses.SelectMany(Codes).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.False(text[$"Problem.{code}"].ResourceNotFound, code));
        Assert.All(SettingName.All.Concat(BusinessProblems.Names).Concat(PaymentProblems.Names).Concat(IntegrationProblems.Names),
            setting => Assert.Equal(setting.English, text[$"Setting.{setting.Key}"]));
    }

    [Theory]
    [InlineData("de"), InlineData("es"), InlineData("pt-BR"), InlineData("fr"), InlineData("ar")]
    public void Every_link_settings_problem_is_said_in_the_dashboards_language_with_all_its_values(string dashboardLanguage)
    {
        var errors = Broken.SelectMany(settings => settings.Normalized().Validate()).ToList();
        Assert.Equal(Codes(typeof(LinkProblems)).Intersect(SettingsCodes).Order(), errors.Select(e => e.Code!).Distinct().Order());

        using var language = new CultureScope(dashboardLanguage);
        Assert.All(errors, error =>
        {
            var said = Words.Say(error);
            Assert.NotEqual(error.Message, said);
            Assert.DoesNotContain("{", said);
            Assert.DoesNotContain(error.Values.OfType<SettingName>(), name => said.Contains(name.English));
        });
    }

    [Fact]
    public void A_german_merchant_reads_the_settings_names_and_numbers_in_german_and_amounts_as_the_dashboard_writes_them()
    {
        using var language = new CultureScope("de");
        var errors = Broken.SelectMany(settings => settings.Normalized().Validate()).DistinctBy(e => (e.Field, e.Code)).ToDictionary(e => (e.Field, e.Code));

        Assert.Equal("Der Titel ist erforderlich.", Words.Say(errors[("title", LinkProblems.Required)]));
        Assert.Equal("Der Titel darf höchstens 120 Zeichen lang sein.", Words.Say(errors[("title", LinkProblems.TooLong)]));
        Assert.Equal("Der Betrag darf höchstens 1.000.000.000 betragen.", Words.Say(errors[("amount", LinkProblems.AmountTooHigh)]));
        Assert.Equal("Der vorgeschlagene Betrag darf den Höchstbetrag (10,000.00 EUR) nicht überschreiten.",
            Words.Say(errors[("suggested_amount", LinkProblems.SuggestedAboveMaximum)]));
    }

    [Fact]
    public void A_refused_move_names_the_states_by_their_codes_and_a_role_by_its_name_in_the_dashboards_language()
    {
        var link = PaymentLink.Create(Guid.NewGuid(), false, new LinkSettings { Title = "Box", Amount = 5m, Currency = "EUR" }, false, DateTimeOffset.UnixEpoch, Actor.User("u")).Value;
        var refused = link.Apply(LinkTrigger.Disable, DateTimeOffset.UnixEpoch, Actor.User("u")).Refusal!;

        using var language = new CultureScope("es");
        Assert.Equal("Un enlace DRAFT no puede pasar a DISABLED.", Words.Say(refused));
        Assert.Equal("El rol Lector no permite esto. Un propietario o administrador de la empresa puede cambiar los roles.",
            Words.Say(RolePermissions.NotAllowed(MemberRole.Viewer)));
        Assert.Equal("A DRAFT link cannot be moved to DISABLED by disable.", refused.Message);
    }

    [Fact]
    public void A_refusal_the_words_do_not_know_is_said_in_the_domains_english()
    {
        using var language = new CultureScope("fr");
        Assert.Equal("Something only English says.", Words.Say(new Refusal(RefusalCodes.InvalidRequest, "Something only English says.")));
        Assert.Equal("Unknown code.", Words.Say(new FieldError("f", "Unknown code.") { Code = "no_such_code" }));
    }

    /// <summary>The codes a link's settings alone can break (the others need a link's state or a member's role).</summary>
    private static readonly string[] SettingsCodes =
    [
        LinkProblems.Required, LinkProblems.TooLong, LinkProblems.InvalidCharacter, LinkProblems.DirectionControls,
        LinkProblems.ControlCharacters, LinkProblems.ControlCharactersExceptBreaks, LinkProblems.NotAbsoluteUrl, LinkProblems.NotHttps,
        LinkProblems.AmountNotPositive, LinkProblems.AmountTooHigh, LinkProblems.AmountTooPrecise, LinkProblems.CurrencyUnknown,
        LinkProblems.MaximumBelowMinimum, LinkProblems.SuggestedBelowMinimum, LinkProblems.QuantityWithChosenAmount,
        LinkProblems.CustomerDetailUnknown, LinkProblems.LabelRepeated, LinkProblems.KindUnknown, LinkProblems.OptionsOnlyForChoice,
        LinkProblems.OptionEmpty, LinkProblems.OptionsRepeated, LinkProblems.MaxUsagesOutOfRange, LinkProblems.MaxQuantityOutOfRange,
        LinkProblems.OptionCount, LinkProblems.SuggestedAboveMaximum, LinkProblems.QuantityTotalTooHigh, LinkProblems.TooManyQuestions,
        LinkProblems.OptionTooLong, LinkProblems.CheckoutLanguageUnknown,
    ];

    /// <summary>Every class of codes a page can be given, beside its subject.</summary>
    private static readonly Type[] ProblemClasses =
        [typeof(LinkProblems), typeof(TeamProblems), typeof(BusinessProblems), typeof(PaymentProblems), typeof(IntegrationProblems), typeof(StripeProblems)];

    private static IEnumerable<string> Codes(Type problems) =>
        problems.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
