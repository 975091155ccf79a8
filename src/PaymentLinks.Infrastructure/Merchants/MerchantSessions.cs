using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Merchants;

/// <summary>What the dashboard needs once per circuit about the signed-in person and their merchant.</summary>
public sealed record MerchantSession(Guid MerchantId, string UserId, string Email, string BusinessName, string TimeZoneId, bool PrefersDarkTheme, bool ViewsLiveMode)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}

public sealed class MerchantSessions(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>One query for the user and their merchant; null when the user is gone or belongs to another merchant.</summary>
    public async Task<MerchantSession?> LoadAsync(Guid merchantId, string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.MerchantId == merchantId)
            .Join(db.Merchants, u => u.MerchantId, m => m.Id,
                (u, m) => new MerchantSession(m.Id, u.Id, u.Email ?? "", m.BusinessName, m.TimeZoneId, u.PrefersDarkTheme, u.ViewsLiveMode))
            .FirstOrDefaultAsync(ct);
    }

    public async Task SetDarkThemeAsync(string userId, bool dark, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.PrefersDarkTheme, dark), ct);
    }

    /// <summary>False, and nothing changes, when live mode is asked for by a user whose email is not confirmed yet.</summary>
    public async Task<bool> SetLiveModeAsync(string userId, bool live, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId && (!live || u.EmailConfirmed))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.ViewsLiveMode, live), ct) == 1;
    }
}
