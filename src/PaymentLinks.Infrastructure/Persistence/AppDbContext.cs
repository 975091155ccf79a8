using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Idempotency;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<PaymentLink> PaymentLinks => Set<PaymentLink>();
    public DbSet<LinkStatusChange> LinkStatusChanges => Set<LinkStatusChange>();
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

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
