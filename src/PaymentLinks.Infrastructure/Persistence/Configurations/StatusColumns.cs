using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

/// <summary>Statuses are stored as their upper-case names so that the database reads like the product.</summary>
internal static class StatusColumns
{
    public const int MaxLength = 16;

    public static PropertyBuilder<LinkStatus> AsStatusName(this PropertyBuilder<LinkStatus> property) => property
        .HasConversion(status => status.ToDisplayName(), name => Enum.Parse<LinkStatus>(name, true))
        .HasMaxLength(MaxLength);
}
