using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Dashboard.Tests.Services;
using PaymentLinks.Dashboard.Time;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using Radzen;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>
/// The shared bUnit context: Radzen's services, loose JS interop, and a signed-in merchant whose
/// components talk to the real services over a fresh SQLite file.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected ServiceHarness Harness { get; } = new();
    protected MerchantCaller Merchant { get; private set; } = default!;

    protected DashboardTestContext()
    {
        Services.AddRadzenComponents();
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
        Services.AddSingleton(Harness.Clock);
        Services.AddScoped<CurrentMerchant>();
        Services.AddScoped<MerchantTime>();
        Services.AddScoped<LinkActionRunner>();
        // As on a live circuit: the pages subscribe to live changes only when interactive.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    Task IAsyncLifetime.DisposeAsync() => Harness.DisposeAsync();
}
