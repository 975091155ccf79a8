using PaymentLinks.Domain.Links;
using Fields = PaymentLinks.Domain.Links.LinkSettings.Fields;

namespace PaymentLinks.Dashboard.Api.PaymentLinks;

/// <summary>Which of the customer's details the pay page asks: each <c>off</c>, <c>optional</c> or <c>required</c>.</summary>
public sealed record CustomerDetailsContract(string? Email, string? Name, string? Phone)
{
    public static CustomerDetailsContract Of(CustomerDetails details) => new(Text(details.Email), Text(details.Name), Text(details.Phone));

    /// <summary>
    /// These details over <paramref name="current"/>: a key left out keeps its current value (on create, its default),
    /// so a PATCH can change one detail alone.
    /// </summary>
    public CustomerDetails Over(CustomerDetails current, List<ApiFieldError> errors) => new(
        Mode(Email, current.Email, "email", errors), Mode(Name, current.Name, "name", errors), Mode(Phone, current.Phone, "phone", errors));

    private static string Text(DetailMode mode) => mode.ToString().ToLowerInvariant();

    private static DetailMode Mode(string? text, DetailMode current, string key, List<ApiFieldError> errors)
    {
        if (text is null)
            return current;
        if (text is "off" or "optional" or "required")
            return Enum.Parse<DetailMode>(text, ignoreCase: true);
        errors.Add(new ApiFieldError($"{Fields.CustomerDetails}.{key}", "Must be off, optional or required."));
        return current;
    }
}

/// <summary>A question of the merchant's own: <c>kind</c> is <c>text</c>, <c>number</c> or <c>choice</c> (with <c>options</c>).</summary>
public sealed record CustomFieldContract(string? Label, string? Kind, bool? Required, IReadOnlyList<string>? Options)
{
    public static CustomFieldContract Of(CustomField field) =>
        new(field.Label, field.Kind.ToString().ToLowerInvariant(), field.Required, field.Options);

    public static IReadOnlyList<CustomField> ToDomain(IReadOnlyList<CustomFieldContract?>? fields, List<ApiFieldError> errors)
    {
        var result = new List<CustomField>();
        for (var i = 0; i < (fields?.Count ?? 0); i++)
        {
            if (fields![i] is not { } field)
            {
                errors.Add(new ApiFieldError(Fields.CustomField(i, "label"), "Each custom field must be an object."));
                continue;
            }
            var kind = field.Kind is "text" or "number" or "choice" ? Enum.Parse<CustomFieldKind>(field.Kind, ignoreCase: true) : (CustomFieldKind?)null;
            if (kind is null)
                errors.Add(new ApiFieldError(Fields.CustomField(i, "kind"), "Kind must be text, number or choice."));
            result.Add(new CustomField(field.Label ?? "", kind ?? CustomFieldKind.Text, field.Required ?? false, field.Options ?? []));
        }
        return result;
    }
}
