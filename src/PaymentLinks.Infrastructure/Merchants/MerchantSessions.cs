using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Merchants;

/// <summary>What the dashboard needs once per circuit about the signed-in person, their business and their role there.</summary>
public sealed record MerchantSession(
    Guid MerchantId, string UserId, string Email, string BusinessName, string TimeZoneId, bool PrefersDarkTheme, bool ViewsLiveMode,
    MemberRole Role, bool GrantedLive)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}

public sealed class MerchantSessions(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>
    /// One query for the user, the business and their membership; null when the user is gone or not a member. A member
    /// without live mode here (a Developer not granted it) views test mode, whatever they last chose in another business.
    /// </summary>
    public async Task<MerchantSession?> LoadAsync(Guid merchantId, string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Memberships.AsNoTracking()
            .Where(s => s.UserId == userId && s.MerchantId == merchantId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u })
            .Join(db.Merchants, x => x.s.MerchantId, m => m.Id, (x, m) => new MerchantSession(
                m.Id, x.u.Id, x.u.Email ?? "", m.BusinessName, m.TimeZoneId, x.u.PrefersDarkTheme, x.u.ViewsLiveMode && x.s.GrantedLive, x.s.Role, x.s.GrantedLive))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The businesses the person is a member of, by name, for the app bar's switcher.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, MemberRole Role)>> BusinessesOfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var businesses = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Merchants, m => m.MerchantId, b => b.Id, (m, b) => new { b.Id, b.BusinessName, m.Role })
            .ToListAsync(ct);
        return businesses.Select(b => (b.Id, b.BusinessName, b.Role)).OrderBy(b => b.BusinessName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Makes <paramref name="merchantId"/> the person's current business; false when they are not a member of it.</summary>
    public async Task<bool> OpenBusinessAsync(string userId, Guid merchantId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId && db.Memberships.Any(m => m.UserId == userId && m.MerchantId == merchantId))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.MerchantId, merchantId), ct) == 1;
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
