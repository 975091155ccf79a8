using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Mail;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> mail)
    {
        mail.ToTable("OutgoingMail");
        mail.HasKey(m => m.Id);
        mail.Property(m => m.Id).ValueGeneratedNever();
        mail.Property(m => m.Kind).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength * 2);
        mail.Property(m => m.Status).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        mail.Property(m => m.Address).HasMaxLength(OutgoingMail.AddressMaxLength);
        mail.Property(m => m.UserId).HasMaxLength(450);
        mail.Property(m => m.Key).HasMaxLength(OutgoingMail.KeyMaxLength);
        mail.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectMaxLength);
        mail.Property(m => m.LastAnswer).HasMaxLength(OutgoingMail.AnswerMaxLength);
        // One expiry warning per link and deadline, one copy of an announcement per user: whoever writes it twice, the second is refused.
        mail.HasIndex(m => m.Key).IsUnique();
        mail.HasIndex(m => new { m.Status, m.NextAttemptAt });
        mail.HasIndex(m => new { m.MerchantId, m.CreatedAt });
        mail.HasIndex(m => new { m.UserId, m.Kind, m.CreatedAt });
        mail.HasOne<Merchant>().WithMany().HasForeignKey(m => m.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
