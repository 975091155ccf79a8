using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Payments.Providers;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class StripeConnectionConfiguration : IEntityTypeConfiguration<StripeConnection>
{
    public void Configure(EntityTypeBuilder<StripeConnection> connection)
    {
        connection.HasKey(c => new { c.MerchantId, c.Livemode });
        connection.Property(c => c.AccountId).HasMaxLength(StripeConnection.AccountMaxLength);
        connection.Property(c => c.AccountName).HasMaxLength(StripeConnection.AccountMaxLength);
        connection.Property(c => c.WebhookToken).HasMaxLength(StripeConnection.WebhookTokenLength);
        connection.HasIndex(c => c.WebhookToken).IsUnique();
        connection.Property(c => c.KeyProblem).HasMaxLength(StripeConnection.ProblemMaxLength);
        connection.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StripeEventReceiptConfiguration : IEntityTypeConfiguration<StripeEventReceipt>
{
    public void Configure(EntityTypeBuilder<StripeEventReceipt> receipt)
    {
        receipt.HasKey(r => new { r.MerchantId, r.Livemode, r.EventId });
        receipt.Property(r => r.EventId).HasMaxLength(StripeEventReceipt.EventIdMaxLength);
        receipt.Property(r => r.Type).HasMaxLength(StripeEventReceipt.EventIdMaxLength);
        receipt.HasIndex(r => r.ReceivedAt);
        receipt.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
