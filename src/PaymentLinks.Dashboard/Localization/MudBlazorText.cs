using Microsoft.Extensions.Localization;
using MudBlazor;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>MudBlazor's own words (pagers, pickers, close buttons) in the dashboard's languages: <c>MudBlazorText.&lt;language&gt;.resx</c>.</summary>
public sealed class MudBlazorText;

/// <summary>
/// Hands MudBlazor our translation of a word of its own. A word we have not translated is reported as not found, so
/// MudBlazor falls back to its English.
/// </summary>
public sealed class DashboardMudLocalizer(IStringLocalizer<MudBlazorText> words) : MudLocalizer
{
    public override LocalizedString this[string key] => words[key];

    public override LocalizedString this[string key, params object[] arguments] => words[key, arguments];
}
