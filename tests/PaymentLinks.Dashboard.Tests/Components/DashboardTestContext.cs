using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Links;
using Settings = PaymentLinks.Dashboard.Components.Settings;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Tests.Shared;
using MudBlazor.Services;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>
/// The shared bUnit context: MudBlazor's services, loose JS interop, and a signed-in merchant (with the
/// cascading <see cref="MerchantContext"/> the layout gives every page) whose components talk to the real
/// services over a fresh SQLite file.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected ServiceHarness Harness { get; } = new();
    protected MerchantCaller Merchant { get; private set; } = default!;
    protected MerchantContext Session { get; private set; } = default!;

    // A page's first read over a cold PostgreSQL on a busy two-core machine can take longer than bUnit's one second
    // (seen once in CI); the waits still end as soon as the page shows what they look for.
    static DashboardTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected DashboardTestContext()
    {
        Services.AddMudServices();
        Services.AddLocalization(); // pages read their words, and MudBlazor its own, as the app does
        Services.AddTransient<MudBlazor.MudLocalizer, PaymentLinks.Dashboard.Localization.DashboardMudLocalizer>();
        Services.AddTransient<PaymentLinks.Dashboard.Localization.DomainWords>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        await Harness.InitializeAsync();
        Merchant = await Harness.NewMerchantAsync("Component Shop");
        AddAuthorization().SetAuthorized("merchant@example.test").SetClaims(
            new Claim(MerchantClaimsPrincipalFactory.MerchantIdClaim, Merchant.MerchantId.ToString()),
            new Claim(ClaimTypes.NameIdentifier, Merchant.Actor.Id!));
        Services.AddSingleton(Harness.Links);
        Services.AddSingleton(Harness.Payments);
        Services.AddSingleton(Harness.Services.GetRequiredService<LinkInsights>());
        Services.AddSingleton(Harness.Services.GetRequiredService<MerchantProfiles>());
        Services.AddSingleton(Harness.Services.GetRequiredService<ILinkEvents>());
        Services.AddSingleton(Harness.Services.GetRequiredService<LinkDetailsQuery>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.PaymentLedger>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Overview.MerchantOverview>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Branding.MerchantBranding>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.ApiKeys.ApiKeyService>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.LiveProviders>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.Rails.RailProgress>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Payments.RefundService>());
        Services.AddSingleton(Harness.Services.GetRequiredService<PaymentLinks.Infrastructure.Webhooks.WebhookService>());
        Services.AddSingleton(Harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PaymentLinks.Infrastructure.Housekeeping.HousekeepingOptions>>());
        Services.AddSingleton(Harness.Clock);
        Services.AddScoped<LinkActionRunner>();
        Services.AddScoped<PaymentLinks.Dashboard.Components.Shared.Confirmations>();
        // As on a live circuit: the pages subscribe to live changes only when interactive.
        Session = SessionAs(MemberRole.Owner);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The merchant's language, which decides how an ambiguous amount such as 1,250 is read.</summary>
    protected void UseMerchantLanguage(System.Globalization.CultureInfo language) => Session = SessionAs(MemberRole.Owner, language);

    /// <summary>The pages as a member with <paramref name="role"/> sees them (the harness's merchant is its Owner).</summary>
    protected MerchantContext SessionAs(MemberRole role, System.Globalization.CultureInfo? language = null, bool grantedLive = true) => new(
        new MerchantSession(Merchant.MerchantId, Merchant.Actor.Id!, "merchant@example.test", "Component Shop", "UTC", false, Merchant.Livemode, role, grantedLive),
        Harness.Clock, Localization.ResxWords.Of<PaymentLinks.Dashboard.Localization.Pages.RelativeTimeText>(), language);

    /// <summary>The pages rendered from now on are seen as <paramref name="session"/> sees them.</summary>
    protected void UseSession(MerchantContext session) => Session = session;

    /// <summary>
    /// Clicks the button with that text as found at the moment of the click: on the renderer's own thread, so that a
    /// render queued by the previous step (a field's revalidation, say) cannot replace the button in between.
    /// </summary>
    protected static Task ClickAsync<TPage>(IRenderedComponent<TPage> page, string text) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    /// <summary>The message under a field (its error, or else its help), found by the field's input id.</summary>
    protected static string MessageBeside<TPage>(IRenderedComponent<TPage> page, string inputId) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"#{inputId}").Closest(".field")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    /// <summary>
    /// The account page with its sign-in and mail sections left out: they belong to a signed-in Identity user, which these
    /// tests have none of, and the browser tests (<c>MailTests</c>) click them.
    /// </summary>
    protected IRenderedComponent<Settings.AccountSettingsPage> RenderAccountPage()
    {
        ComponentFactories.AddStub<Settings.SignInEmailForm>();
        ComponentFactories.AddStub<Settings.NotificationSettings>();
        ComponentFactories.AddStub<Settings.MailDeliveryLog>();
        return RenderPage<Settings.AccountSettingsPage>();
    }

    /// <summary>A page as the layout shows it: inside the popover provider, with the merchant cascaded.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<TPage>(builder =>
        {
            builder.AddCascadingValue(Session);
            parameters?.Invoke(builder);
        });
    }

    // MudBlazor's services dispose asynchronously only; the context is disposed that way before the database goes.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
