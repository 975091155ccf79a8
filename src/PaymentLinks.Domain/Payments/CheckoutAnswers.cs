namespace PaymentLinks.Domain.Payments;

/// <summary>What a customer sent from the pay page, as the text it arrived as: nothing in it is trusted yet.</summary>
public sealed record CheckoutAnswers
{
    public string? Quantity { get; init; }
    public string? Amount { get; init; }

    /// <summary>
    /// How the customer's language writes a decimal point ("," in German), by which the one ambiguous amount (<c>2.500</c>)
    /// is read as the page wrote its own amounts; null when unknown (see <see cref="Links.AmountText.Read"/>).
    /// </summary>
    public string? DecimalSeparator { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }

    /// <summary>One answer per custom field of the link, in its order.</summary>
    public IReadOnlyList<string?> Fields { get; init; } = [];

    /// <summary>The pay form's field names, which are also the keys of the messages shown by them.</summary>
    public static class Names
    {
        public const string Quantity = "quantity";
        public const string Amount = "amount";
        public const string Email = "email";
        public const string Name = "name";
        public const string Phone = "phone";

        public static string Field(int index) => $"field_{index}";
    }
}

/// <summary>A custom field's answer, kept with the label the customer was shown.</summary>
public sealed record FieldAnswer(string Label, string Value);
