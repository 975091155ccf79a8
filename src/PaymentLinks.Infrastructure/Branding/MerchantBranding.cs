using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Branding;

/// <summary>What checkout pages need of a merchant's brand: its accent, and whether and which logo to show.</summary>
public sealed record BrandView(Guid MerchantId, string? Accent, int LogoVersion, bool HasLogo)
{
    public static BrandView None(Guid merchantId) => new(merchantId, null, 0, false);

    public string LogoPath => $"/brand/{MerchantId}/logo?v={LogoVersion}";

    public string ThemePath => $"/brand/{MerchantId}/theme.css?v={Accent?.TrimStart('#')}";
}

public sealed record LogoContent(byte[] Content, string ContentType);

/// <summary>A merchant's logo and accent colour: reading them for checkout, changing them from the dashboard.</summary>
public sealed class MerchantBranding(IDbContextFactory<AppDbContext> contexts, CheckoutLinkCache checkoutLinks, TimeProvider clock)
{
    public const string LogoField = "logo";

    public async Task<BrandView> GetAsync(Guid merchantId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MerchantBrands.AsNoTracking().Where(b => b.MerchantId == merchantId)
            .Select(b => new BrandView(b.MerchantId, b.Accent, b.LogoVersion, b.Logo != null))
            .FirstOrDefaultAsync(ct) ?? BrandView.None(merchantId);
    }

    public async Task<LogoContent?> GetLogoAsync(Guid merchantId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MerchantBrands.AsNoTracking().Where(b => b.MerchantId == merchantId && b.Logo != null)
            .Select(b => new LogoContent(b.Logo!, b.LogoContentType!)).FirstOrDefaultAsync(ct);
    }

    public Task<Result<BrandView>> SetAccentAsync(MerchantCaller caller, string? accent, CancellationToken ct = default) =>
        ChangeAsync(caller, brand => brand.SetAccent(accent), ct);

    /// <summary>Stores an uploaded logo once its bytes say it is a PNG, a JPEG, or an SVG of shapes only.</summary>
    public Task<Result<BrandView>> SetLogoAsync(MerchantCaller caller, byte[] upload, CancellationToken ct = default)
    {
        var (content, contentType, problem) = LogoFiles.Inspect(upload);
        if (problem is not null)
            return Task.FromResult<Result<BrandView>>(problem.InvalidAt(LogoField));
        return ChangeAsync(caller, brand =>
        {
            brand.UseLogo(content!, contentType!);
            return Result.Ok;
        }, ct);
    }

    public Task<Result<BrandView>> RemoveLogoAsync(MerchantCaller caller, CancellationToken ct = default) =>
        ChangeAsync(caller, brand =>
        {
            brand.RemoveLogo();
            return Result.Ok;
        }, ct);

    private static string LogoName(MerchantBrand brand) => brand.Logo is null ? "none" : $"version {brand.LogoVersion}";

    private async Task<Result<BrandView>> ChangeAsync(MerchantCaller caller, Func<MerchantBrand, Result> change, CancellationToken ct)
    {
        var merchantId = caller.MerchantId;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ManageBusiness, clock.GetUtcNow(), ct) is { } notAllowed)
            return notAllowed;
        var brand = await db.MerchantBrands.FirstOrDefaultAsync(b => b.MerchantId == merchantId, ct);
        if (brand is null)
            db.MerchantBrands.Add(brand = new MerchantBrand(merchantId));
        var (accentBefore, logoBefore) = (brand.Accent, LogoName(brand));
        if (change(brand) is { IsSuccess: false } refused)
            return refused.Refusal;
        var changes = AuditTrail.Differences(("accent", accentBefore, brand.Accent), ("logo", logoBefore, LogoName(brand)));
        if (changes.Count > 0)
            await db.RecordAsync(caller, clock.GetUtcNow(), AuditKinds.BrandingChanged, merchantId, $"Changed the checkout's {string.Join(" and ", changes.Keys)}.",
                changes, modeless: true, ct: ct);
        await db.SaveChangesAsync(ct);
        checkoutLinks.ForgetMerchant(merchantId);
        return new BrandView(merchantId, brand.Accent, brand.LogoVersion, brand.Logo is not null);
    }
}
