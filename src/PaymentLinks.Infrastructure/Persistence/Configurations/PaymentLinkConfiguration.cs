using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class PaymentLinkConfiguration : IEntityTypeConfiguration<PaymentLink>
{
    public void Configure(EntityTypeBuilder<PaymentLink> link)
    {
        link.HasKey(l => l.Id);
        link.Property(l => l.Id).ValueGeneratedNever();
        link.Property(l => l.PublicId).HasMaxLength(PublicIds.MaxLength);
        link.HasIndex(l => l.PublicId).IsUnique();
        link.Property(l => l.Title).HasMaxLength(LinkSettings.TitleMaxLength);
        link.Property(l => l.Description).HasMaxLength(LinkSettings.DescriptionMaxLength);
        link.Property(l => l.Currency).HasMaxLength(3);
        link.Property(l => l.RedirectUrl).HasMaxLength(LinkSettings.RedirectUrlMaxLength);
        link.Property(l => l.DisabledMessage).HasMaxLength(LinkSettings.DisabledMessageMaxLength);
        link.Property(l => l.CheckoutLanguage).HasMaxLength(CheckoutLanguageNames.MaxLength);
        link.Property(l => l.Status).AsStatusName();
        link.Property(l => l.Version).IsConcurrencyToken();
        link.ComplexProperty(l => l.CustomerDetails, details =>
        {
            details.Property(d => d.Email).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
            details.Property(d => d.Name).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
            details.Property(d => d.Phone).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
            details.Ignore(d => d.AsksAnything);
        });
        link.Property(l => l.CustomFields).AsJsonText();
        link.Ignore(l => l.Amount);

        link.HasOne<Merchant>().WithMany().HasForeignKey(l => l.MerchantId).OnDelete(DeleteBehavior.Cascade);
        // The links list (one merchant, one mode) walks one of these in its sort order (the id breaks ties) and filters by status and
        // deadline from the index alone, so a page, even a deep one, reads only the rows it shows.
        link.HasIndex(l => new { l.MerchantId, l.Livemode, l.CreatedAt, l.Id, l.Status, l.ExpiresAt });
        link.HasIndex(l => new { l.MerchantId, l.Livemode, l.Title, l.Id, l.Status, l.ExpiresAt });
        link.HasIndex(l => new { l.MerchantId, l.Livemode, l.AmountMinor, l.Id, l.Status, l.ExpiresAt });
        link.HasIndex(l => new { l.MerchantId, l.Livemode, l.ExpiresAt, l.Id, l.Status });
        link.HasIndex(l => new { l.MerchantId, l.Livemode, l.Status, l.Id, l.ExpiresAt });
        link.HasIndex(l => new { l.MerchantId, l.Livemode, l.Usages, l.Id, l.Status, l.ExpiresAt });
        // The sweeper and the per-access catch-up look for ACTIVE/DISABLED rows past their deadline.
        link.HasIndex(l => new { l.Status, l.ExpiresAt });

        link.HasMany(l => l.History).WithOne().HasForeignKey(c => c.LinkId).OnDelete(DeleteBehavior.Cascade);
        link.Navigation(l => l.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
