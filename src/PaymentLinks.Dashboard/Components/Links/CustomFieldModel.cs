using System.Globalization;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>One custom field as the form edits it; a choice's options are typed in one line, separated by commas.</summary>
public sealed class CustomFieldModel
{
    /// <summary>The comma and Arabic's own (U+060C), which an Arabic keyboard types in its place.</summary>
    private static readonly char[] OptionSeparators = [',', '،'];

    public string Label { get; set; } = "";
    public CustomFieldKind Kind { get; set; } = CustomFieldKind.Text;
    public bool Required { get; set; }
    public string? OptionsText { get; set; }

    /// <summary>The field to edit, its options written with the comma of the page's language.</summary>
    public static CustomFieldModel From(CustomField field) => new()
    {
        Label = field.Label,
        Kind = field.Kind,
        Required = field.Required,
        OptionsText = string.Join(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? "، " : ", ", field.Options),
    };

    public CustomField ToField() => new(Label, Kind, Required,
        Kind == CustomFieldKind.Choice ? (OptionsText ?? "").Split(OptionSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : []);
}
