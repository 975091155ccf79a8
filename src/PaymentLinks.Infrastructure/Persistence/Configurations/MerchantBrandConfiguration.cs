using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class MerchantBrandConfiguration : IEntityTypeConfiguration<MerchantBrand>
{
    public void Configure(EntityTypeBuilder<MerchantBrand> brand)
    {
        brand.HasKey(b => b.MerchantId);
        brand.Property(b => b.MerchantId).ValueGeneratedNever();
        brand.Property(b => b.Accent).HasMaxLength(MerchantBrand.AccentLength);
        brand.Property(b => b.Logo).HasMaxLength(MerchantBrand.MaxLogoBytes);
        brand.Property(b => b.LogoContentType).HasMaxLength(MerchantBrand.ContentTypeMaxLength);
        brand.HasOne<Merchant>().WithOne().HasForeignKey<MerchantBrand>(b => b.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
