using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaymentLinks.Infrastructure.Persistence.Configurations;

/// <summary>
/// A small list kept as JSON text in one column: the same on SQLite and PostgreSQL, read and written whole
/// with its row (a link's custom fields, a payment's answers), never queried inside.
/// </summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<IReadOnlyList<T>> AsJsonText<T>(this PropertyBuilder<IReadOnlyList<T>> property) => property
        .HasConversion(
            list => JsonSerializer.Serialize(list, Json),
            text => JsonSerializer.Deserialize<List<T>>(text, Json) ?? new List<T>(),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                list => JsonSerializer.Serialize(list, Json).GetHashCode(),
                list => list.ToList()))
        .IsRequired();
}
