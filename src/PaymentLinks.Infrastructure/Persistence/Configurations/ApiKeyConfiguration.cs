using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.ApiKeys;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).ValueGeneratedNever();
        key.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        key.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength);
        key.Property(k => k.Hash).HasMaxLength(ApiKey.HashLength);
        key.HasIndex(k => k.Hash).IsUnique();
        key.HasIndex(k => k.MerchantId);
        key.Ignore(k => k.IsRevoked);
        key.Property(k => k.Scope).HasConversion<string>().HasMaxLength(16);
        key.Property(k => k.Role).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        key.HasOne<Merchant>().WithMany().HasForeignKey(k => k.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
