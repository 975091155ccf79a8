using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength * 2);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.ActorLabel).HasMaxLength(AuditEntry.LabelMaxLength);
        entry.Property(e => e.Address).HasMaxLength(64);
        entry.Property(e => e.Kind).HasMaxLength(AuditEntry.KindMaxLength);
        entry.Property(e => e.SubjectId).HasMaxLength(64);
        entry.Property(e => e.Summary).HasMaxLength(AuditEntry.SummaryMaxLength);
        // The Activity page: a business's entries newest first, by kind, by who.
        entry.HasIndex(e => new { e.MerchantId, e.Id });
        entry.HasIndex(e => new { e.MerchantId, e.Kind, e.Id });
        entry.HasIndex(e => e.At); // retention
        entry.HasOne<Merchant>().WithMany().HasForeignKey(e => e.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
