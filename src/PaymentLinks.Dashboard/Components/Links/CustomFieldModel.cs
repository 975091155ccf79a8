using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>One custom field as the form edits it; a choice's options are typed in one line, separated by commas.</summary>
public sealed class CustomFieldModel
{
    public string Label { get; set; } = "";
    public CustomFieldKind Kind { get; set; } = CustomFieldKind.Text;
    public bool Required { get; set; }
    public string? OptionsText { get; set; }

    public static CustomFieldModel From(CustomField field) => new()
    {
        Label = field.Label,
        Kind = field.Kind,
        Required = field.Required,
        OptionsText = string.Join(", ", field.Options),
    };

    public CustomField ToField() => new(Label, Kind, Required,
        Kind == CustomFieldKind.Choice ? (OptionsText ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : []);
}
