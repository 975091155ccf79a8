using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Settings;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>An endpoint's row outlives the reload that follows a change to it, and so does what is open on it.</summary>
public sealed class WebhookEndpointRowsTests : DashboardTestContext
{
    [Fact]
    public async Task The_event_choice_stays_open_while_each_click_is_saved_and_the_list_reloads()
    {
        var webhooks = Harness.Services.GetRequiredService<WebhookService>();
        await webhooks.AddEndpointAsync(Merchant, "https://hooks.example/in");
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = Render<WebhooksPage>(builder => builder.AddCascadingValue(Session));
        page.WaitForElement(".events-cell");

        page.Find(".events-cell .mud-input-control").MouseDown(); // opens the list, as a press on the select does
        popovers.WaitForAssertion(() => Assert.NotEmpty(Choice(popovers, "payment.completed")));
        Choice(popovers, "payment.completed").Single().Click();

        await Poll.UntilAsync(async () => (await webhooks.EndpointsAsync(Merchant)).Single().EventTypes is { } types && !types.Contains("payment.completed"),
            "the endpoint saved without payment.completed");
        page.WaitForAssertion(() => Assert.Equal(WebhookEventNames.All.Count - 1 + " events", page.Find(".events-cell input").GetAttribute("value")));
        Assert.NotEmpty(Choice(popovers, "link.used")); // still open for the next click
    }

    private static IEnumerable<AngleSharp.Dom.IElement> Choice(IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, string type) =>
        popovers.FindAll(".event-choices .mud-list-item").Where(item => item.QuerySelector("code")?.TextContent == type);
}
