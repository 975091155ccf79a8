using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Links;

public enum LinkSort
{
    CreatedAt,
    Title,
    Amount,
    ExpiresAt,
    Status,
    Usages,
}

public static class LinkSorts
{
    /// <summary>
    /// The one reader of a sort's name, for the API (<c>created_at</c>) and the dashboard's address (<c>CreatedAt</c>):
    /// a column's name in either spelling, any case, and nothing else (no numbers).
    /// </summary>
    public static bool TryParse(string? name, out LinkSort sort) => EnumNames.TryParse(name?.Replace("_", ""), out sort);
}

/// <summary>One page of a merchant's links. No statuses given means everything but ARCHIVED.</summary>
public sealed record LinkQuery
{
    public const int MaxPageSize = 100;

    public IReadOnlyCollection<LinkStatus>? Statuses { get; init; }
    public string? Search { get; init; }
    public LinkSort Sort { get; init; } = LinkSort.CreatedAt;
    public bool Descending { get; init; } = true;
    public int Skip { get; init; }
    public int Take { get; init; } = 20;

    public static IReadOnlyCollection<LinkStatus> DefaultStatuses { get; } =
        Enum.GetValues<LinkStatus>().Where(s => s != LinkStatus.Archived).ToArray();
}

public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
