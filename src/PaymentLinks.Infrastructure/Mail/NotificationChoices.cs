using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>A user's notification switches, as the account settings page shows and changes them.</summary>
public sealed class NotificationChoices(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<MailKind, bool>> OfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return MailPreferences.Notifications.ToDictionary(kind => kind, kind => MailPreferences.Wants(user, kind));
    }

    public async Task SetAsync(string userId, MailKind kind, bool on, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        MailPreferences.Set(await db.Users.FirstAsync(u => u.Id == userId, ct), kind, on);
        await db.SaveChangesAsync(ct);
    }
}
