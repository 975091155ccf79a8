using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> refund)
    {
        refund.HasKey(r => r.Id);
        refund.Property(r => r.Id).ValueGeneratedNever();
        refund.Property(r => r.Currency).HasMaxLength(3);
        refund.Property(r => r.Reason).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength * 2);
        refund.Property(r => r.Status).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        refund.Property(r => r.ActorKind).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength * 2);
        refund.Property(r => r.ActorId).HasMaxLength(Refund.ActorMaxLength);
        refund.Property(r => r.ProviderRefundId).HasMaxLength(PaymentAttempt.ProviderIdMaxLength);
        // A provider reports each refund once per event it sends, and events come again: its id finds ours, and is never recorded twice.
        refund.HasIndex(r => r.ProviderRefundId).IsUnique();
        refund.Ignore(r => r.Amount);
        refund.HasOne<PaymentAttempt>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
        refund.HasIndex(r => new { r.PaymentId, r.CreatedAt });
    }
}

internal sealed class RailOperationConfiguration : IEntityTypeConfiguration<RailOperation>
{
    public void Configure(EntityTypeBuilder<RailOperation> operation)
    {
        operation.HasKey(o => o.Id);
        operation.Property(o => o.Id).ValueGeneratedNever();
        operation.Property(o => o.Action).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        operation.Property(o => o.Status).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        operation.Property(o => o.Currency).HasMaxLength(3);
        operation.Property(o => o.Provider).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        operation.Property(o => o.IdempotencyKey).HasMaxLength(RailOperation.KeyMaxLength);
        operation.Property(o => o.LastError).HasMaxLength(RailOperation.ErrorMaxLength);
        operation.Property(o => o.Reference).HasMaxLength(RailOperation.ReferenceMaxLength);
        operation.Ignore(o => o.Call);
        // One capture or void per payment, one operation per refund: whatever writes it twice, the second is refused.
        operation.HasIndex(o => o.IdempotencyKey).IsUnique();
        operation.HasIndex(o => new { o.Status, o.NextAttemptAt });
        operation.HasIndex(o => o.PaymentId);
        operation.HasOne<Merchant>().WithMany().HasForeignKey(o => o.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SandboxBankEntryConfiguration : IEntityTypeConfiguration<SandboxBankEntry>
{
    public void Configure(EntityTypeBuilder<SandboxBankEntry> entry)
    {
        entry.HasKey(e => e.Key);
        entry.Property(e => e.Key).HasMaxLength(RailOperation.KeyMaxLength);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        entry.HasIndex(e => e.PaymentId);
    }
}
