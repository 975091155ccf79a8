using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.HasKey(m => new { m.MerchantId, m.UserId });
        membership.Property(m => m.UserId).HasMaxLength(450);
        membership.Property(m => m.Role).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        membership.HasIndex(m => m.UserId);
        membership.HasOne<Merchant>().WithMany().HasForeignKey(m => m.MerchantId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
