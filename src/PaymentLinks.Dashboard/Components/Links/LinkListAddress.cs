using Microsoft.AspNetCore.Components;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>What the links list shows, as it is written in the page's address (?q=…&amp;status=…&amp;sort=…&amp;dir=…&amp;page=…).</summary>
public sealed record LinkListAddress(string? Search, IReadOnlyCollection<LinkStatus> Statuses, LinkSort Sort, bool Descending, int Page)
{
    public static IReadOnlyCollection<LinkStatus> StatusesOf(string? written) =>
        written is null
            ? LinkQuery.DefaultStatuses
            : written.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => LinkStatusExtensions.TryParseDisplayName(s, out var status) ? status : (LinkStatus?)null)
                .OfType<LinkStatus>().Distinct().Order().ToArray();

    public static LinkSort SortOf(string? written) =>
        LinkSorts.TryParse(written, out var sort) ? sort : LinkSort.CreatedAt;

    public LinkQuery ToQuery(int pageSize) => new()
    {
        Statuses = Statuses.ToArray(),
        Search = Search,
        Sort = Sort,
        Descending = Descending,
        Skip = (Page - 1) * pageSize,
        Take = pageSize,
    };

    /// <summary>The address, leaving out what is the default, so a plain list has a plain URL.</summary>
    public string ToUri(NavigationManager navigation) => navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri("links").ToString(), new Dictionary<string, object?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        ["status"] = Statuses.Order().SequenceEqual(LinkQuery.DefaultStatuses.Order())
            ? null
            : string.Join(",", Statuses.Order().Select(s => s.ToDisplayName().ToLowerInvariant())),
        ["sort"] = Sort == LinkSort.CreatedAt ? null : Sort.ToString(),
        ["dir"] = Descending ? null : "asc",
        ["page"] = Page == 1 ? null : Page,
    });

    public bool Equals(LinkListAddress? other) =>
        other is not null && Search == other.Search && Statuses.Order().SequenceEqual(other.Statuses.Order())
        && Sort == other.Sort && Descending == other.Descending && Page == other.Page;

    public override int GetHashCode() => HashCode.Combine(Search, Sort, Descending, Page);
}
