using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> session)
    {
        session.HasKey(s => s.SessionId);
        session.Property(s => s.SessionId).HasMaxLength(EndedSession.IdLength);
        session.HasIndex(s => s.EndedAt);
    }
}
