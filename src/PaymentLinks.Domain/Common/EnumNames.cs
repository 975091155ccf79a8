namespace PaymentLinks.Domain.Common;

/// <summary>Reads an enum value by its name, in any case: never by number, list or padding, which Enum.TryParse accepts.</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
