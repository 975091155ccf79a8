using MudBlazor;

namespace PaymentLinks.Dashboard.Components.Layout;

/// <summary>
/// The one theme of the dashboard, light and dark. Every colour that carries text (the status badges use
/// Success, Warning, Error, Secondary, Dark and Default) keeps at least 4.5:1 against its contrast text.
/// </summary>
public static class DashboardTheme
{
    /// <summary>The accent the checkout pages share (checkout.css), so merchant and customer see one product.</summary>
    public const string Accent = "#1d4ed8";

    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Accent,
            Secondary = "#6d28d9",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#b91c1c",
            Info = "#0369a1",
            Dark = "#4b5563",
            AppbarBackground = "#ffffff",
            AppbarText = "#0f172a",
            Background = "#f8fafc",
            TextSecondary = "#475569",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#93c5fd",
            PrimaryContrastText = "#0f172a",
            Secondary = "#c4b5fd",
            SecondaryContrastText = "#1e1b4b",
            Success = "#4ade80",
            SuccessContrastText = "#052e16",
            Warning = "#fbbf24",
            WarningContrastText = "#1c1917",
            Error = "#fca5a5",
            ErrorContrastText = "#450a0a",
            Info = "#7dd3fc",
            InfoContrastText = "#082f49",
            // ARCHIVED (and other retired states) is a muted slate, not the brightest badge on a dark page.
            Dark = "#475569",
            DarkContrastText = "#f1f5f9",
            Background = "#0b1120",
            Surface = "#111827",
            AppbarBackground = "#111827",
            DrawerBackground = "#111827",
            TextPrimary = "#e5e7eb",
            TextSecondary = "#cbd5e1",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H4 = new H4Typography { FontSize = "1.6rem", FontWeight = "600" },
            H6 = new H6Typography { FontSize = "1.1rem", FontWeight = "600" },
        },
    };
}
