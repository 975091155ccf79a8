using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class MerchantLinkCountConfiguration : IEntityTypeConfiguration<MerchantLinkCount>
{
    public void Configure(EntityTypeBuilder<MerchantLinkCount> count)
    {
        count.HasKey(c => new { c.MerchantId, c.Livemode, c.Status });
        count.Property(c => c.Status).AsStatusName();
        count.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
