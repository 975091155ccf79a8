using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> merchant)
    {
        merchant.HasKey(m => m.Id);
        merchant.Property(m => m.Id).ValueGeneratedNever();
        merchant.Property(m => m.BusinessName).HasMaxLength(Merchant.BusinessNameMaxLength);
        merchant.Property(m => m.TimeZoneId).HasMaxLength(Merchant.TimeZoneMaxLength);
        merchant.Property(m => m.CheckoutLanguage).HasMaxLength(Merchant.CheckoutLanguageMaxLength);
        merchant.Property(m => m.ReturnSecret).HasMaxLength(ReturnSignature.SecretLength);
    }
}
