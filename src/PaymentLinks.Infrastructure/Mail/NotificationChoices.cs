using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>A user's notification switches, as the account settings page shows and changes them (and an unsubscribe link turns one off).</summary>
public sealed class NotificationChoices(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<MailKind, bool>> OfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return MailPreferences.Notifications.ToDictionary(kind => kind, kind => MailPreferences.Wants(user, kind));
    }

    /// <summary>False, and nothing changes, when the user is gone.</summary>
    public async Task<bool> SetAsync(string userId, MailKind kind, bool on, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
            return false;
        MailPreferences.Set(user, kind, on);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
