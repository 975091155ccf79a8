using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.HasKey(i => i.Id);
        invitation.Property(i => i.Id).ValueGeneratedNever();
        invitation.Property(i => i.Email).HasMaxLength(EmailAddresses.MaxLength);
        invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        invitation.Property(i => i.InvitedBy).HasMaxLength(450);
        invitation.Property(i => i.TokenHash).HasMaxLength(Invitation.TokenHashLength);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => i.MerchantId);
        invitation.HasOne<Merchant>().WithMany().HasForeignKey(i => i.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
