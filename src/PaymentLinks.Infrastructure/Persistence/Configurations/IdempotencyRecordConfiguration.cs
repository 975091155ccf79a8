using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => r.Id);
        record.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        record.Property(r => r.RequestHash).HasMaxLength(IdempotencyRecord.HashLength);
        // The unique triple is what makes two concurrent requests with one key run once.
        record.HasIndex(r => new { r.MerchantId, r.Livemode, r.Key }).IsUnique();
        record.HasIndex(r => r.CreatedAt);
        record.Ignore(r => r.Answer);
        record.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
