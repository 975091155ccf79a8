using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.HasOne<Merchant>().WithMany().HasForeignKey(u => u.MerchantId).OnDelete(DeleteBehavior.Cascade);
        user.HasIndex(u => u.MerchantId);
        user.Property(u => u.DashboardLanguage).HasMaxLength(16);
    }
}
