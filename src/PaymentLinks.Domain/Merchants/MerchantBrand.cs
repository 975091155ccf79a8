using System.Globalization;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Merchants;

/// <summary>
/// How a merchant's checkout pages look: an accent colour for buttons and links, and a logo. Kept apart from
/// <see cref="Merchant"/> so that reading a merchant never drags a logo's bytes along.
/// </summary>
public sealed class MerchantBrand
{
    public const int MaxLogoBytes = 256 * 1024;
    public const int ContentTypeMaxLength = 32;
    public const int AccentLength = 7;

    /// <summary>WCAG 2's minimum contrast for normal text: the checkout's buttons carry white text on the accent.</summary>
    public const double MinContrastWithWhite = 4.5;

    private MerchantBrand() { }

    public MerchantBrand(Guid merchantId) => MerchantId = merchantId;

    public Guid MerchantId { get; private set; }

    /// <summary><c>#rrggbb</c>, or null for the product's own accent.</summary>
    public string? Accent { get; private set; }
    public byte[]? Logo { get; private set; }
    public string? LogoContentType { get; private set; }

    /// <summary>Changes with every new logo, so that its address can be cached for ever.</summary>
    public int LogoVersion { get; private set; }

    /// <summary>A typed colour as it is checked and stored: trimmed, lower case; blank is none.</summary>
    public static string? NormalizedAccent(string? accent) => string.IsNullOrWhiteSpace(accent) ? null : accent.Trim().ToLowerInvariant();

    public Result SetAccent(string? accent)
    {
        accent = NormalizedAccent(accent);
        if (accent is not null && AccentProblem(accent) is { } problem)
            return problem.InvalidAt("accent");
        Accent = accent;
        return Result.Ok;
    }

    /// <summary>A logo already checked (and, for SVG, cleaned) by whoever read the upload.</summary>
    public void UseLogo(byte[] content, string contentType)
    {
        Logo = content;
        LogoContentType = contentType;
        LogoVersion++;
    }

    public void RemoveLogo()
    {
        Logo = null;
        LogoContentType = null;
        LogoVersion++;
    }

    /// <summary>What is wrong with an accent colour, or null: it must be <c>#rrggbb</c> and dark enough for white text.</summary>
    public static Problem? AccentProblem(string accent)
    {
        if (accent.Length != AccentLength || accent[0] != '#' || !int.TryParse(accent.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
            return new(BusinessProblems.AccentNotHex, "Enter a colour as #rrggbb, such as #1d4ed8.");
        var contrast = ContrastWithWhite(rgb);
        return contrast < MinContrastWithWhite
            ? new(BusinessProblems.AccentTooLight,
                $"This colour is too light for white text on buttons (contrast {contrast:0.0}:1, at least {MinContrastWithWhite}:1 is needed). Choose a darker one.",
                contrast, MinContrastWithWhite)
            : null;
    }

    /// <summary>WCAG 2's contrast ratio of white against the colour (relative luminance of linearised sRGB).</summary>
    public static double ContrastWithWhite(int rgb)
    {
        static double Linear(int channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Linear(rgb >> 16 & 0xff) + 0.7152 * Linear(rgb >> 8 & 0xff) + 0.0722 * Linear(rgb & 0xff);
        return 1.05 / (luminance + 0.05);
    }
}
