using System.Globalization;
using Bunit;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Dashboard.Tests.Localization;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>The links list in each of the dashboard's languages: our words and MudBlazor's grid words, in the page's language.</summary>
public sealed class DashboardLanguagePagesTests : DashboardTestContext
{
    public static TheoryData<string> Languages() => [.. DashboardLanguages.Names];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_links_list_speaks_the_language_with_its_pager(string language)
    {
        for (var i = 1; i <= 21; i++) // one more than a page
            await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(title: $"Scarf {i:00}"), publish: true);
        using var _ = new CultureScope(language);

        var page = RenderPage<LinksPage>();

        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("tbody tr .link-title").Count));
        Assert.Equal(Words<LinksText>.In(language, "LinksPage.Title"), page.Find("h1").TextContent.Trim());
        Assert.Contains(page.FindAll("a"), a => a.TextContent.Trim() == Words<LinksText>.In(language, "LinksPage.NewLink"));
        Assert.Contains(page.FindAll("th"), th => th.TextContent.Contains(Words<LinksText>.In(language, "LinksPage.Column.Amount")));
        Assert.Equal(Words<MudBlazorText>.In(language, "MudDataGridPager_InfoFormat", 1, 20, 21), page.Find(".mud-table-pagination-caption").TextContent.Trim());
        Assert.NotNull(page.Find($"button[aria-label='{Words<MudBlazorText>.In(language, "MudDataGridPager_NextPage")}']"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_link_forms_messages_by_their_fields_are_in_the_language(string language)
    {
        using var _ = new CultureScope(language);
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#max-usages").Change("0");

        await ClickAsync(form, Words<LinksText>.In(language, "LinkForm.CreateAndPublish"));

        var title = Words<ProblemsText>.In(language, "Setting.Title");
        form.WaitForAssertion(() => Assert.Contains(Words<ProblemsText>.In(language, "Problem.required", title), MessageBeside(form, "title")));
        Assert.Contains(Words<ProblemsText>.In(language, "Problem.max_usages_out_of_range", 1.ToString("N0"), 1_000_000.ToString("N0")), MessageBeside(form, "max-usages"));
    }
}
