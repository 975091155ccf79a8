using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> attempt)
    {
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).ValueGeneratedNever();
        attempt.Property(a => a.Currency).HasMaxLength(3);
        attempt.Property(a => a.Status).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        attempt.Property(a => a.FailureReason).HasMaxLength(PaymentAttempt.FailureReasonMaxLength);
        attempt.Property(a => a.CustomerEmail).HasMaxLength(Order.EmailMaxLength);
        attempt.Property(a => a.CustomerName).HasMaxLength(Order.NameMaxLength);
        attempt.Property(a => a.CustomerPhone).HasMaxLength(Order.PhoneMaxLength);
        attempt.Property(a => a.Answers).AsJsonText();
        attempt.Ignore(a => a.Amount);
        attempt.Ignore(a => a.IsFinished);
        attempt.HasOne<PaymentLink>().WithMany().HasForeignKey(a => a.LinkId).OnDelete(DeleteBehavior.Cascade);
        attempt.HasIndex(a => new { a.LinkId, a.CreatedAt });
        attempt.Property(a => a.CheckoutToken).HasMaxLength(PaymentAttempt.CheckoutTokenMaxLength);
        attempt.Property(a => a.Language).HasMaxLength(PaymentAttempt.LanguageMaxLength);
        attempt.HasIndex(a => new { a.LinkId, a.CheckoutToken }).IsUnique();
        attempt.Property(a => a.Provider).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        attempt.Property(a => a.ProviderSessionId).HasMaxLength(PaymentAttempt.ProviderIdMaxLength);
        attempt.Property(a => a.ProviderPaymentId).HasMaxLength(PaymentAttempt.ProviderIdMaxLength);
        // A provider's events name its payment: each finds ours by it.
        attempt.HasIndex(a => a.ProviderPaymentId);
    }
}
