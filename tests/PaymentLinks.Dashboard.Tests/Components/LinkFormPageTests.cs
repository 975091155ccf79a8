using Bunit;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Components.Links;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class LinkFormPageTests : DashboardTestContext
{
    [Fact]
    public async Task Publishing_an_empty_form_puts_each_message_next_to_its_field_and_creates_nothing()
    {
        var form = RenderPage<LinkFormPage>();
        form.WaitForAssertion(() => form.Find("#title"));
        form.Find("#redirect-url").Change("ftp://files.example/x");
        form.Find("#redirect-url").Blur();

        form.FindAll("button").Single(b => b.TextContent == "Create and publish").Click();

        form.WaitForAssertion(() => Assert.Contains("Title is required.", MessageBeside(form, "title")));
        Assert.Contains("Amount must be greater than zero.", MessageBeside(form, "amount"));
        Assert.Contains("https", MessageBeside(form, "redirect-url"));
        Assert.Equal("", MessageBeside(form, "currency"));
        await using var db = Harness.NewContext();
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }

    [Fact]
    public void A_new_link_starts_multi_use_with_the_default_max_usages()
    {
        var form = RenderPage<LinkFormPage>();

        form.WaitForAssertion(() => Assert.Equal("1000", form.Find("#max-usages").GetAttribute("value")));
        Assert.Equal("EUR", form.Find("#currency").GetAttribute("value"));
    }

    private static string MessageBeside(IRenderedComponent<LinkFormPage> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".field")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
}
