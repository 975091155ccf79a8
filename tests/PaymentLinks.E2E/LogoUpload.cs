using Microsoft.Playwright;

namespace PaymentLinks.E2E;

public static class LogoUpload
{
    /// <summary>Clicks the account page's upload button and picks an SVG file with this text, as a merchant would.</summary>
    public static async Task ChooseSvgAsync(IPage page, string button, string svg)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = System.Text.Encoding.UTF8.GetBytes(svg) });
    }
}
