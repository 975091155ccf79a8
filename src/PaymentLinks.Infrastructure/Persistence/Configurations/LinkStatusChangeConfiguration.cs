using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class LinkStatusChangeConfiguration : IEntityTypeConfiguration<LinkStatusChange>
{
    public const int ActorIdMaxLength = 64;

    public void Configure(EntityTypeBuilder<LinkStatusChange> change)
    {
        change.HasKey(c => c.Id);
        change.Property(c => c.From).AsStatusName();
        change.Property(c => c.To).AsStatusName();
        change.Property(c => c.ActorKind).HasConversion<string>().HasMaxLength(StatusColumns.MaxLength);
        change.Property(c => c.ActorId).HasMaxLength(ActorIdMaxLength);
        change.HasIndex(c => new { c.LinkId, c.At });
    }
}
