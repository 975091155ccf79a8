using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

[Collection(AppCollection.Name)]
public sealed class LinkFormTests(AppFixture app)
{
    [Fact]
    public async Task Invalid_input_shows_messages_next_to_each_field_and_saves_nothing()
    {
        var session = await DashboardSession.StartAsync(app, "Validating Vintners");
        var page = session.Page;
        await session.OpenAsync("links/new");
        await page.GetByLabel("Amount").FillAsync("0");
        await page.GetByLabel("Redirect URL").FillAsync("http://shop.example/thanks");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish" }).ClickAsync();

        await Expect(session.Field("title")).ToContainTextAsync("Title is required.");
        await Expect(session.Field("amount")).ToContainTextAsync("Amount must be greater than zero.");
        await Expect(session.Field("redirect-url")).ToContainTextAsync("https");
        Assert.Equal(0, (await app.Links.ListAsync(session.Merchant, new())).TotalCount);
    }

    [Fact]
    public async Task An_edit_that_breaks_a_rule_is_refused_by_the_field_and_the_link_keeps_its_values()
    {
        var session = await DashboardSession.StartAsync(app, "Rule Ropes");
        var link = await session.CreateLinkAsync("Climbing rope", maxUsages: 10);
        await session.OpenAsync($"links/{link.Id}/edit");
        var page = session.Page;

        await Expect(page.GetByLabel("Amount")).ToHaveAttributeAsync("readonly", "");
        await Expect(page.GetByText("fixed once a link has been published")).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("");
        await page.GetByLabel("Max usages").FillAsync("2000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(session.Field("title")).ToContainTextAsync("Title is required.");
        await Expect(session.Field("max-usages")).ToContainTextAsync("between 1 and 1,000,000");
        var stored = (await app.Links.GetAsync(session.Merchant, link.PublicId)).Value;
        Assert.Equal(("Climbing rope", 10, link.Version), (stored.Title, stored.MaxUsages, stored.Version));
    }

    [Fact]
    public async Task Two_tabs_editing_one_link_the_second_save_is_refused_and_shows_the_fresh_values()
    {
        var session = await DashboardSession.StartAsync(app, "Twin Tabs Tea");
        var link = await session.CreateLinkAsync("Green tea sampler");
        var first = session.Page;
        var second = await session.SecondTabAsync();
        await session.OpenAsync($"links/{link.Id}/edit", first);
        await session.OpenAsync($"links/{link.Id}/edit", second);

        await first.GetByLabel("Title").FillAsync("Green tea sampler, large");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Green tea sampler, large" })).ToBeVisibleAsync();

        await second.GetByLabel("Title").FillAsync("Green tea sampler, small");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed by someone else");
        await Expect(second.GetByLabel("Title")).ToHaveValueAsync("Green tea sampler, large");
        Assert.Equal("Green tea sampler, large", (await app.Links.GetAsync(session.Merchant, link.PublicId)).Value.Title);
    }
}

