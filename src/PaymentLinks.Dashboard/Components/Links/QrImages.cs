namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>A URL's QR code as the dashboard offers it: a PNG to show and download, and an SVG for print.</summary>
public sealed class QrImages
{
    private QrImages(string pngDataUri, string svgDataUri)
    {
        PngDataUri = pngDataUri;
        SvgDataUri = svgDataUri;
    }

    public string PngDataUri { get; }
    public string SvgDataUri { get; }

    public static QrImages Of(string text)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(12);
        var svg = new QRCoder.SvgQRCode(data).GetGraphic(12);
        return new("data:image/png;base64," + Convert.ToBase64String(png),
            "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg)));
    }
}
