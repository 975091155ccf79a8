using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaymentLinks.E2E;

/// <summary>A customer's browser on the checkout pages: opens a link, pays, answers the sandbox bank.</summary>
public sealed class CustomerCheckout(IPage page)
{
    public IPage Page { get; } = page;

    public static async Task<CustomerCheckout> StartAsync(AppFixture app) => new(await app.NewPageAsync(width: 390, height: 844));

    public async Task<IResponse> OpenAsync(string publicId) => (await Page.GotoAsync($"pay/{publicId}"))!;

    public async Task PayAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Pay ") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Authorise this payment" })).ToBeVisibleAsync();
    }

    public Task ApproveAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Approve payment" }).ClickAsync();

    public Task DeclineAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();

    public Task ExpectHeadingAsync(string heading) =>
        Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
}
