using System.Text;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Infrastructure.Branding;

/// <summary>What an uploaded logo really is, judged by its bytes, never by its name or the type the browser claimed.</summary>
public static class LogoFiles
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The bytes to store and their content type, or why the file is refused.</summary>
    public static (byte[]? Content, string? ContentType, Problem? Problem) Inspect(byte[] upload)
    {
        if (upload.Length == 0)
            return (null, null, new(BusinessProblems.LogoEmpty, "The file is empty."));
        if (upload.Length > MerchantBrand.MaxLogoBytes)
            return (null, null, new(BusinessProblems.LogoTooLarge, $"The logo must be at most {MerchantBrand.MaxLogoBytes / 1024} KB.", MerchantBrand.MaxLogoBytes / 1024));
        if (upload.AsSpan().StartsWith(Png))
            return (upload, "image/png", null);
        if (upload.AsSpan().StartsWith(Jpeg))
            return (upload, "image/jpeg", null);
        if (LooksLikeXml(upload))
        {
            var (svg, problem) = SvgShapes.Clean(upload);
            return svg is null ? (null, null, problem) : (Encoding.UTF8.GetBytes(svg), "image/svg+xml", null);
        }
        return (null, null, new(BusinessProblems.LogoNotImage, "The logo must be a PNG, JPEG or SVG image."));
    }

    private static bool LooksLikeXml(byte[] upload)
    {
        var start = Encoding.UTF8.GetString(upload, 0, Math.Min(upload.Length, 256)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('<');
    }
}
