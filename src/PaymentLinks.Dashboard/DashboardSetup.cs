using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PaymentLinks.Dashboard.Api;
using PaymentLinks.Dashboard.Checkout;
using PaymentLinks.Dashboard.Exports;
using PaymentLinks.Dashboard.Components;
using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Dashboard.Demo;
using PaymentLinks.Dashboard.Http;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Mail;
using PaymentLinks.Infrastructure;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Persistence;
using MudBlazor.Services;

namespace PaymentLinks.Dashboard;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so that it stays a table of contents.</summary>
public static class DashboardSetup
{
    public static void AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddStructuredLogs();
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Outcomes appear at the bottom, where they cover no heading or "New link" button.
        // One outcome at a time, briefly, at the bottom left where no form field or button sits: a newer one replaces it.
        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            mud.SnackbarConfiguration.MaxDisplayedSnackbars = 1;
            mud.SnackbarConfiguration.NewestOnTop = true;
            mud.SnackbarConfiguration.PreventDuplicates = true;
            mud.SnackbarConfiguration.VisibleStateDuration = 4_000;
            mud.SnackbarConfiguration.ShowTransitionDuration = 150;
            mud.SnackbarConfiguration.HideTransitionDuration = 150;
        });
        services.AddPaymentLinksInfrastructure(builder.Configuration);
        services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));

        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();
        services.AddPermissionPolicies();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false; // length matters more than composition
                options.Password.RequireUppercase = false;
                // No account-wide lockout, which anyone knowing an email could trigger to keep its owner out (five wrong
                // 2FA codes did): wrong passwords and codes are limited per account and address (FailedSignIns).
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddSignInManager<EvenSignInManager>()
            .AddClaimsPrincipalFactory<MerchantClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticator>(TokenOptions.DefaultAuthenticatorProvider); // in place of Identity's own
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = PermissionPolicies.NotAllowedPath;
            options.Events.OnValidatePrincipal = EndedSessions.RejectAfter(options.Events.OnValidatePrincipal);
        });
        // A cookie is checked against the user's security stamp every minute: a password change or
        // "sign out everywhere" reaches every browser within that, open dashboards through SessionRevalidation.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = MerchantClaimsPrincipalFactory.KeepSessionId;
        });
        services.Configure<SessionRevalidationOptions>(builder.Configuration.GetSection(SessionRevalidationOptions.Section));
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();
        services.AddSingleton<FailedSignIns>();
        services.AddSingleton<IEmailSender<ApplicationUser>>(provider => provider.GetRequiredService<AccountMailer>());
        services.AddSingleton<KnownBrowsers>();
        services.AddScoped<AccountLinks>();
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));
        services.AddScoped<MerchantAccounts>();
        services.AddScoped<LocalizedIdentityErrors>(); // for the app's own refusal beside Identity's (MerchantAccounts)
        services.AddHttpContextAccessor(); // the address an open dashboard connects from, for the audit log
        services.AddScoped<DemoData>();
        services.AddScoped<TwoFactorSettings>();
        services.AddScoped<AuditedAccountChanges>();
        services.AddScoped<LinkActionRunner>();
        services.AddSingleton<Checkout.CheckoutDraft>();
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, DashboardMudLocalizer>();
        services.AddTransient<DomainWords>();
        // Pages in every script are sent as written, not as character references six times their size.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<Components.Shared.Confirmations>();
        services.AddPaymentLinksApi(builder.Configuration);
        services.AddHealthEndpoints();
        builder.AddHardening();
        services.AddTrustedProxies(builder.Configuration);
        services.AddClientRateLimits(builder.Configuration);
        builder.AddTelemetry();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
            await DatabaseSetup.MigrateAsync(db);
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEnabledAsync(app.Environment);
    }

    public static void UseDashboard(this WebApplication app)
    {
        app.MapManagementEndpoints(); // first: the management port answers before any of the public pipeline runs
        app.UseTrustedProxies();
        app.UseCheckoutLocalization();
        app.UseSecurityHeaders(app.Environment.IsDevelopment());
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseCheckoutFailurePage();
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseDashboardLocalization(); // after authentication: the person's chosen language is in their sign-in
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapCheckout();
        app.MapStripeWebhooks();
        app.MapBrand();
        app.MapUnsubscribe();
        app.MapPaymentExport();
        app.MapActivityExport();
        app.MapPaymentLinksApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
