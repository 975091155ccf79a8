using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Expiry;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "PaymentLinks";
    private const string DataProtectionApplication = "PaymentLinks";

    public static IServiceCollection AddPaymentLinksInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // One context per operation: Blazor Server circuits live long and must not share a context. Contexts are
        // pooled: setting one up anew costs more than many of the queries it runs.
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics(); // IMeterFactory, for the product's meter; the host adds it too, a bare service collection does not
        services.AddSingleton<OutboxDepth>();
        services.AddSingleton<ProductMetrics>();
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) =>
            DatabaseSetup.Configure(options, database.Provider, connectionString, provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILinkEvents>(), provider.GetRequiredService<ProductMetrics>()));
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddSingleton<WriteTransactions>();
        services.AddSingleton<InProcessLinkEvents>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Instances share one database, so live updates cross between them through it.
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<PostgresLinkEvents>(provider, connectionString));
            services.AddSingleton<ILinkEvents>(provider => provider.GetRequiredService<PostgresLinkEvents>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresLinkEvents>());
        }
        else
        {
            services.AddSingleton<ILinkEvents>(provider => provider.GetRequiredService<InProcessLinkEvents>());
            services.AddHostedService<SqliteCheckpoints>();
        }
        services.AddSingleton<LinkExpiry>();
        services.AddSingleton<PaymentLinkService>();
        services.AddSingleton<PaymentService>();
        services.AddSingleton<LiveProviders>();
        // One key ring in the database for every instance (and every process on it): cookies and antiforgery tokens made
        // by one are read by another, and a Stripe key encrypted by one is decrypted by whichever carries out its capture.
        services.AddDataProtection().SetApplicationName(DataProtectionApplication).PersistKeysToDbContext<AppDbContext>();
        services.Configure<Payments.Providers.StripeOptions>(configuration.GetSection(Payments.Providers.StripeOptions.Section));
        services.AddSingleton<Payments.Providers.StripeClients>();
        services.AddSingleton<Payments.Providers.StripeConnections>();
        services.AddSingleton<Payments.Providers.StripeCheckout>();
        services.AddSingleton<Payments.Providers.StripeRail>();
        services.AddSingleton<Payments.Providers.StripeEvents>();
        services.AddSingleton<Payments.Providers.StripeReconciliation>();
        services.AddHostedService(provider => provider.GetRequiredService<Payments.Providers.StripeReconciliation>());
        services.AddSingleton<RefundService>();
        services.Configure<Payments.Rails.RailOptions>(configuration.GetSection(Payments.Rails.RailOptions.Section));
        services.AddSingleton<Payments.Rails.SandboxBank>();
        services.AddSingleton<Payments.Rails.PaymentRails>();
        services.AddSingleton<Payments.Rails.RailProgress>();
        services.AddHostedService<Payments.Rails.RailWorker>();
        services.AddHostedService<Payments.Rails.SandboxConfirmations>();
        services.AddSingleton<CheckoutService>();
        services.AddSingleton<CheckoutViewCounts>();
        services.AddSingleton<CheckoutLinkCache>();
        services.AddHostedService(provider => provider.GetRequiredService<CheckoutViewCounts>());
        services.AddSingleton<PaymentLedger>();
        services.AddSingleton<Branding.MerchantBranding>();
        services.AddSingleton<LinkInsights>();
        services.AddSingleton<LinkDetailsQuery>();
        services.AddSingleton<Overview.MerchantOverview>();
        services.AddSingleton<MerchantSessions>();
        services.AddSingleton<Members>();
        services.AddSingleton<Invitations>();
        services.AddSingleton<Audit.ActivityLog>();
        services.AddSingleton<MerchantProfiles>();
        services.AddSingleton<ApiKeys.ApiKeyService>();
        services.AddSingleton<Idempotency.IdempotencyStore>();
        services.AddSingleton<Webhooks.WebhookService>();
        services.Configure<Webhooks.WebhookOptions>(configuration.GetSection(Webhooks.WebhookOptions.Section));
        services.AddSingleton<Webhooks.WebhookTargets>();
        services.AddSingleton<Webhooks.EndpointSenderLeases>();
        services.AddHttpClient(Webhooks.WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => Webhooks.WebhookDispatcher.CreateHandler(provider.GetRequiredService<Webhooks.WebhookTargets>()));
        services.AddHostedService<Webhooks.WebhookDispatcher>();
        services.AddOptions<Mail.EmailOptions>().Bind(configuration.GetSection(Mail.EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Mail.EmailOptions>, Mail.EmailOptionsValidation>();
        services.AddSingleton<Mail.IMailTransport, Mail.ConfiguredMailTransport>();
        services.AddLocalization(); // customer mail in the customer's language (Mail/Templates/CustomerMailText)
        services.AddSingleton<Mail.MailRenderer>();
        services.AddSingleton<Mail.MailComposer>();
        services.AddSingleton<Mail.MailUnsubscribe>();
        services.AddSingleton<Mail.MailFanOut>();
        services.AddSingleton<Mail.AccountMailer>();
        services.AddSingleton<Mail.MailLog>();
        services.AddSingleton<Mail.NotificationChoices>();
        services.AddSingleton<Mail.MailWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<Mail.MailWorker>());
        services.AddHostedService<Mail.MailWatch>();
        services.AddOptions<LinkOptions>()
            .Bind(configuration.GetSection(LinkOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinkOptions>, LinkOptionsValidation>();
        services.Configure<ExpirySweeperOptions>(configuration.GetSection(ExpirySweeperOptions.Section));
        services.AddHostedService<ExpirySweeper>();
        services.Configure<Housekeeping.HousekeepingOptions>(configuration.GetSection(Housekeeping.HousekeepingOptions.Section));
        services.AddSingleton<Housekeeping.RowPruner>();
        services.AddHostedService<Housekeeping.HousekeepingWorker>();
        return services;
    }
}
