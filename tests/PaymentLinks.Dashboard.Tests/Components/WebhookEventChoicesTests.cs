using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Settings;
using PaymentLinks.Dashboard.Tests.Localization;
using PaymentLinks.Infrastructure.Webhooks;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>An endpoint's choice of events: each type by its code, with what it means in the page's language.</summary>
public sealed class WebhookEventChoicesTests : DashboardTestContext
{
    [Theory]
    [InlineData("en", "A customer paid", "A link reached its usage limit")]
    [InlineData("de", "Ein Kunde hat bezahlt", "Ein Link hat sein Nutzungslimit erreicht")]
    [InlineData("ar", "أتمّ عميل الدفع", "بلغ رابط الحد الأقصى لمرات استخدامه")]
    public async Task Each_event_type_keeps_its_code_and_says_what_it_means_in_the_pages_language(string language, string paid, string usedUp)
    {
        await Harness.Services.GetRequiredService<WebhookService>().AddEndpointAsync(Merchant, "https://hooks.example/in");
        using var _ = new CultureScope(language);
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = Render<WebhooksPage>(builder => builder.AddCascadingValue(Session));
        page.WaitForElement(".events-cell");

        page.Find(".events-cell .mud-input-control").MouseDown(); // opens the list, as a press on the select does

        popovers.WaitForAssertion(() => Assert.Equal(WebhookEventNames.All.Count, popovers.FindAll(".event-meaning").Count));
        var choices = popovers.FindAll(".event-choices .mud-list-item").Where(i => i.QuerySelector("code") is not null)
            .ToDictionary(i => i.QuerySelector("code")!.TextContent, i => i.QuerySelector(".event-meaning")!.TextContent);
        Assert.Equal(paid, choices["payment.completed"]);
        Assert.Equal(usedUp, choices["link.used"]);
    }
}
