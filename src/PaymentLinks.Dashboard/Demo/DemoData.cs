using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Demo;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Seed in Development only unless told otherwise; never in production by accident.</summary>
    public bool? Enabled { get; set; }
    public string Email { get; set; } = "demo@paymentlinks.test";
    public string Password { get; set; } = "demo-pass-123";
    public string BusinessName { get; set; } = "Demo Coffee Roasters";
}

/// <summary>
/// A demo merchant with a link in every state, so a newcomer sees something real at first sign-in.
/// Everything goes through the same services as real use, so the demo obeys the same rules.
/// </summary>
public sealed class DemoData(
    IOptions<DemoDataOptions> options, MerchantAccounts accounts, UserManager<ApplicationUser> users,
    PaymentLinkService links, CheckoutService checkout, PaymentService payments, TimeProvider clock, ILogger<DemoData> logger)
{
    public async Task SeedIfEnabledAsync(IHostEnvironment environment)
    {
        var demo = options.Value;
        if (!(demo.Enabled ?? environment.IsDevelopment()) || await users.FindByEmailAsync(demo.Email) is not null)
            return;

        var registered = await accounts.RegisterAsync(demo.Email, demo.Password, demo.BusinessName);
        if (!registered.Succeeded)
            throw new InvalidOperationException("Demo merchant: " + string.Join(" ", registered.Errors.Select(e => e.Description)));
        var user = await users.FindByEmailAsync(demo.Email) ?? throw new InvalidOperationException("Demo user vanished.");
        var caller = new MerchantCaller(user.MerchantId, Actor.User(user.Id));
        await SeedLinksAsync(caller);
        logger.LogInformation("Seeded demo merchant {Email} with links in every state", demo.Email);
    }

    private async Task SeedLinksAsync(MerchantCaller caller)
    {
        var now = clock.GetUtcNow();
        LinkSettings Link(string title, decimal amount, int? maxUsages = null, DateTimeOffset? expiresAt = null) => links.NewSettings() with
        {
            Title = title,
            Description = $"Demo link: {title.ToLowerInvariant()}.",
            Amount = amount,
            Currency = "EUR",
            MaxUsages = maxUsages ?? links.NewSettings().MaxUsages,
            ExpiresAt = expiresAt,
            RedirectUrl = null,
        };

        await Create(caller, Link("Spring menu tasting (draft)", 45m), publish: false);

        var beans = await Create(caller, Link("Single-origin beans, 1 kg", 32.50m, expiresAt: now.AddDays(30)), publish: true);
        await VisitAsync(beans.PublicId, browsedOnly: 5, paid: 3);

        await Create(caller, Link("Invoice #1042", 180m, maxUsages: 1, expiresAt: now.AddDays(7)), publish: true);

        var workshop = await Create(caller, Link("Latte art workshop", 60m, maxUsages: 12) with
        {
            DisabledMessage = "Bookings reopen next week.",
        }, publish: true);
        await links.DisableAsync(caller, workshop.Id);

        var flash = await Create(caller, Link("Black Friday flash sale", 19.90m), publish: true);
        await VisitAsync(flash.PublicId, browsedOnly: 4, paid: 2);
        await links.ExpireNowAsync(caller, flash.Id);

        var giftCard = await Create(caller, Link("Gift card, 50 EUR", 50m, maxUsages: 1), publish: true);
        await VisitAsync(giftCard.PublicId, browsedOnly: 1, paid: 1);

        var archived = await Create(caller, Link("Old subscription offer", 9.99m), publish: false);
        await links.ArchiveAsync(caller, archived.Id);
    }

    private async Task<LinkView> Create(MerchantCaller caller, LinkSettings settings, bool publish) =>
        (await links.CreateAsync(caller, settings, publish)).Value;

    // Customers who open the page: some only look, the others pay, so the demo funnel reads like a real one.
    private async Task VisitAsync(string publicId, int browsedOnly, int paid)
    {
        for (var i = 0; i < browsedOnly + paid; i++)
            await checkout.OpenAsync(publicId, countView: true);
        for (var i = 0; i < paid; i++)
        {
            var attempt = (await payments.StartAsync(publicId)).Value;
            _ = (await payments.CompleteAsync(attempt.Id)).Value;
        }
    }
}
