namespace PaymentLinks.Domain.Links;

/// <summary>Whether the pay page asks for one of the customer's details, and whether it must be given.</summary>
public enum DetailMode
{
    Off,
    Optional,
    Required,
}

/// <summary>Which of the customer's own details a link asks for. Email is asked by default: it is how a merchant reaches a buyer.</summary>
public sealed record CustomerDetails(DetailMode Email = DetailMode.Optional, DetailMode Name = DetailMode.Off, DetailMode Phone = DetailMode.Off)
{
    public bool AsksAnything => Email != DetailMode.Off || Name != DetailMode.Off || Phone != DetailMode.Off;
}

public enum CustomFieldKind
{
    Text,
    Number,
    Choice,
}

/// <summary>
/// A question of the merchant's own on the pay page ("T-shirt size"). A choice lists its options; the other
/// kinds have none. Compared by value, options included, so settings with the same fields are equal.
/// </summary>
public sealed record CustomField(string Label, CustomFieldKind Kind, bool Required, IReadOnlyList<string> Options)
{
    public const int MaxCount = 3;
    public const int LabelMaxLength = 40;
    public const int MinOptions = 2;
    public const int MaxOptions = 10;
    public const int OptionMaxLength = 40;

    public bool Equals(CustomField? other) =>
        other is not null && Label == other.Label && Kind == other.Kind && Required == other.Required && Options.SequenceEqual(other.Options);

    public override int GetHashCode() => HashCode.Combine(Label, Kind, Required, Options.Count);

    internal CustomField Normalized() => this with
    {
        Label = Label?.Trim() ?? "",
        Options = (Options ?? []).Select(o => o?.Trim() ?? "").ToList(),
    };
}
