using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Idempotency;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Infrastructure.Persistence;

/// <summary>The app's tables. Contexts are pooled; every save also writes its webhook events (<see cref="ChangesOnSave"/>).</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<MerchantBrand> MerchantBrands => Set<MerchantBrand>();

    /// <summary>Who belongs to which business, in which role.</summary>
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>The audit log: who did what, written with each change (<see cref="Audit.AuditTrail"/>).</summary>
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>The keys that sign cookies and antiforgery tokens: in the database, so they outlive a container and are shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();
    public DbSet<PaymentLink> PaymentLinks => Set<PaymentLink>();
    public DbSet<LinkStatusChange> LinkStatusChanges => Set<LinkStatusChange>();
    public DbSet<Links.MerchantLinkCount> MerchantLinkCounts => Set<Links.MerchantLinkCount>();
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<Refund> Refunds => Set<Refund>();

    /// <summary>The rail outbox: captures, voids and refunds to carry out (<see cref="Payments.Rails.RailWorker"/>).</summary>
    public DbSet<Payments.Rails.RailOperation> RailOperations => Set<Payments.Rails.RailOperation>();

    /// <summary>The sandbox bank's own ledger: what test mode's rail did, by idempotency key.</summary>
    public DbSet<Payments.Rails.SandboxBankEntry> SandboxBankEntries => Set<Payments.Rails.SandboxBankEntry>();

    /// <summary>Merchants' Stripe accounts, per mode, and the events Stripe sent them that were handled.</summary>
    public DbSet<Payments.Providers.StripeConnection> StripeConnections => Set<Payments.Providers.StripeConnection>();
    public DbSet<Payments.Providers.StripeEventReceipt> StripeEventReceipts => Set<Payments.Providers.StripeEventReceipt>();
    /// <summary>The mail outbox: receipts, notices and account mail to deliver (<see cref="Mail.MailWorker"/>).</summary>
    public DbSet<Mail.OutgoingMail> OutgoingMail => Set<Mail.OutgoingMail>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset in SQL; a UTC DateTime is sortable text there
        // and timestamptz on PostgreSQL, so every instant is stored as UTC DateTime.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
}
