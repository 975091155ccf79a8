using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its settings pages (account, branding, payment provider, Stripe, sign-in email, two-factor, notifications), in <c>SettingsText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed partial class SettingsText
{
    /// <summary>
    /// A translated sentence with markup (an address, a bold word, a code) set in at its placeholders <c>{0}</c>, <c>{1}</c>, …:
    /// the translation keeps its own word order and no HTML lives in a resource.
    /// </summary>
    public static RenderFragment Sentence(string sentence, params RenderFragment[] parts) => builder =>
    {
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(sentence))
        {
            builder.AddContent(0, sentence[at..placeholder.Index]);
            builder.AddContent(1, parts[int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture)]);
            at = placeholder.Index + placeholder.Length;
        }
        builder.AddContent(2, sentence[at..]);
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
