using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>
/// A translated sentence with markup (an address, a bold word, a code, a link) set in at its placeholders <c>{0}</c>,
/// <c>{1}</c> …: the translation keeps its own word order, its words stay text, and no HTML lives in a resource.
/// </summary>
public static partial class TranslatedSentence
{
    public static RenderFragment With(LocalizedString sentence, params RenderFragment[] parts) => With(sentence.Value, parts);

    public static RenderFragment With(string sentence, params RenderFragment[] parts) => builder =>
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
