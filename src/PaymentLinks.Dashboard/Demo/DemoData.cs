using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Branding;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Demo;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Seed in Development only unless told otherwise; never in production by accident.</summary>
    public bool? Enabled { get; set; }
    public string Email { get; set; } = "demo@paymentlinks.test";
    public string Password { get; set; } = "demo-pass-123";
    public string BusinessName { get; set; } = "Demo Coffee Roasters";

    /// <summary>A second member of the demo business, with the Support role: sign in as them to see what a role changes.</summary>
    public string SupportEmail { get; set; } = "support@paymentlinks.test";
    public string SupportPassword { get; set; } = "support-pass-123";
}

/// <summary>
/// A demo merchant with a link in every state, so a newcomer sees something real at first sign-in.
/// Everything goes through the same services as real use, so the demo obeys the same rules.
/// </summary>
public sealed class DemoData(
    IOptions<DemoDataOptions> options, MerchantAccounts accounts, UserManager<ApplicationUser> users,
    PaymentLinkService links, CheckoutService checkout, PaymentService payments, MerchantBranding branding, IDbContextFactory<AppDbContext> contexts,
    TimeProvider clock, ILogger<DemoData> logger)
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
        await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user)); // nobody reads the demo's mail
        var caller = new MerchantCaller(user.MerchantId, Actor.User(user.Id), Livemode: false); // test mode: its live mode stays empty
        await branding.SetAccentAsync(caller, DemoBrand.Accent);
        await branding.SetLogoAsync(caller, DemoBrand.Logo);
        await SeedLinksAsync(caller);
        await AddSupportMemberAsync(demo, user.MerchantId);
        await HoldBackMailAsync(user.MerchantId);
        logger.LogInformation("Seeded the demo merchant with links in every state");
    }

    private async Task AddSupportMemberAsync(DemoDataOptions demo, Guid merchantId)
    {
        var joined = await accounts.RegisterMemberAsync(demo.SupportEmail, demo.SupportPassword, merchantId, MemberRole.Support);
        if (!joined.Succeeded)
            throw new InvalidOperationException("Demo support member: " + string.Join(" ", joined.Errors.Select(e => e.Description)));
        var member = await users.FindByEmailAsync(demo.SupportEmail) ?? throw new InvalidOperationException("Demo support member vanished.");
        await users.ConfirmEmailAsync(member, await users.GenerateEmailConfirmationTokenAsync(member));
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

        var beans = await Create(caller, Link("Single-origin beans, 1 kg", 32.50m, expiresAt: now.AddDays(30)) with
        {
            MaxQuantity = 10,
            CustomFields = [new("Grind", CustomFieldKind.Choice, true, ["Whole bean", "Espresso", "Filter"])],
        }, publish: true);
        await VisitAsync(beans.PublicId, browsedOnly: 9, paid: 14, i => DemoCustomers.Answer(i, quantity: i % 3 + 1, field: (i % 3) switch { 0 => "Whole bean", 1 => "Espresso", _ => "Filter" }));

        var shirt = await Create(caller, Link("Roastery T-shirt", 25m) with
        {
            MaxQuantity = 5,
            CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Off),
            CustomFields = [new("T-shirt size", CustomFieldKind.Choice, true, ["S", "M", "L", "XL"])],
        }, publish: true);
        await VisitAsync(shirt.PublicId, browsedOnly: 6, paid: 9, i => DemoCustomers.Answer(i, quantity: i % 4 + 1, field: new[] { "S", "M", "L", "XL" }[i % 4]));

        var farmers = await Create(caller, Link("Support our farmers", 5m) with
        {
            CustomerChoosesAmount = true,
            SuggestedAmount = 15m,
            CustomerDetails = new(DetailMode.Optional, DetailMode.Optional, DetailMode.Off),
        }, publish: true);
        await VisitAsync(farmers.PublicId, browsedOnly: 3, paid: 7, i => DemoCustomers.Answer(i, amount: new[] { "15", "5", "25", "10", "50", "15", "7.50" }[i]));
        await SpreadOverPastMonthAsync(caller.MerchantId, now);

        await Create(caller, Link("Invoice #1042", 180m, maxUsages: 1, expiresAt: now.AddDays(7)), publish: true);

        var workshop = await Create(caller, Link("Latte art workshop", 60m, maxUsages: 12) with
        {
            DisabledMessage = "Bookings reopen next week.",
        }, publish: true);
        await links.ApplyAsync(caller, workshop.Id, LinkTrigger.Disable);

        var flash = await Create(caller, Link("Black Friday flash sale", 19.90m), publish: true);
        await VisitAsync(flash.PublicId, browsedOnly: 4, paid: 2, DemoCustomers.Answer);
        await links.ApplyAsync(caller, flash.Id, LinkTrigger.ExpireNow);

        var giftCard = await Create(caller, Link("Gift card, 50 EUR", 50m, maxUsages: 1), publish: true);
        await VisitAsync(giftCard.PublicId, browsedOnly: 1, paid: 1, DemoCustomers.Answer);

        var archived = await Create(caller, Link("Old subscription offer", 9.99m), publish: false);
        await links.ApplyAsync(caller, archived.Id, LinkTrigger.Archive);
    }

    /// <summary>
    /// The payments were all made just now; the demo dates them back over the last month (oldest first), and its
    /// links' creation and first publishing to the month's start, so the overview's and each link's charts have
    /// days to draw. Only the demo rewrites history like this.
    /// </summary>
    private async Task SpreadOverPastMonthAsync(Guid merchantId, DateTimeOffset now)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var monthAgo = now.AddDays(-LinkDetailsQuery.ChartDays);
        var demoLinks = db.PaymentLinks.Where(l => l.MerchantId == merchantId);
        await demoLinks.ExecuteUpdateAsync(set => set.SetProperty(l => l.CreatedAt, monthAgo));
        await db.LinkStatusChanges.Where(c => c.From == LinkStatus.Draft && c.To == LinkStatus.Active && demoLinks.Any(l => l.Id == c.LinkId))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.At, monthAgo));
        var ids = await db.PaymentAttempts.Where(a => db.PaymentLinks.Any(l => l.Id == a.LinkId && l.MerchantId == merchantId))
            .OrderBy(a => a.CreatedAt).Select(a => a.Id).ToListAsync();
        for (var i = 0; i < ids.Count; i++)
        {
            var at = now.AddDays(-(LinkDetailsQuery.ChartDays - 1) * (ids.Count - 1 - i) / (double)ids.Count).AddHours(-(i % 5));
            await db.PaymentAttempts.Where(a => a.Id == ids[i])
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.CreatedAt, at).SetProperty(a => a.FinishedAt, at.AddMinutes(2)));
        }
    }

    /// <summary>
    /// The demo's made-up customers paid a month ago, as far as the charts know: their receipts and the merchant's
    /// notices are recorded as not sent rather than mailed today. A demo link paid from here on mails as any would.
    /// </summary>
    private async Task HoldBackMailAsync(Guid merchantId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var seeded = await db.OutgoingMail.Where(m => m.MerchantId == merchantId && m.Status != MailStatus.Sent).ToListAsync();
        foreach (var mail in seeded)
            mail.Skip("Demo data: made-up customers, not sent");
        await db.SaveChangesAsync();
    }

    private async Task<LinkView> Create(MerchantCaller caller, LinkSettings settings, bool publish) =>
        (await links.CreateAsync(caller, settings, publish)).Value;

    // Customers who open the page: some only look, the others pay, so the demo funnel reads like a real one.
    private async Task VisitAsync(string publicId, int browsedOnly, int paid, Func<int, CheckoutAnswers> answers)
    {
        for (var i = 0; i < browsedOnly + paid; i++)
            await checkout.OpenAsync(publicId, countView: true);
        for (var i = 0; i < paid; i++)
        {
            var attempt = (await payments.StartAsync(publicId, answers: answers(i))).Value;
            _ = (await payments.CompleteAsync(attempt.Id)).Value;
        }
    }
}
