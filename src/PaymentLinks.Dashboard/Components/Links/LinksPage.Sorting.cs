using MudBlazor;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>The links list's sort: the address names it, the grid's headers and the phone's menu change it.</summary>
public sealed partial class LinksPage
{
    /// <summary>The grid keeps a sort of its own: when the address names another, the grid takes it (and reloads).</summary>
    private async Task ShowAddressedListAsync(MudDataGrid<LinkView> grid)
    {
        var addressed = Shown;
        var gridSort = grid.SortDefinitions.Values.FirstOrDefault();
        if (gridSort is not null && gridSort.SortBy == addressed.Sort.ToString() && gridSort.Descending == addressed.Descending)
            await grid.ReloadServerData();
        else
            await grid.SetSortAsync(addressed.Sort.ToString(), addressed.Descending ? SortDirection.Descending : SortDirection.Ascending, SortKeyOf(addressed.Sort));
    }

    /// <summary>What the grid would sort by in memory; the server sorts the same way.</summary>
    private static Func<LinkView, object> SortKeyOf(LinkSort sort) => sort switch
    {
        LinkSort.Title => link => link.Title,
        LinkSort.Amount => link => link.Amount,
        LinkSort.ExpiresAt => link => link.ExpiresAt ?? DateTimeOffset.MaxValue,
        LinkSort.Status => link => link.Status,
        LinkSort.Usages => link => link.Usages,
        _ => link => link.CreatedAt,
    };

    /// <summary>On a phone the grid shows cards without column headers, so a menu offers the same sorts (Label: its words' key).</summary>
    private static readonly (string Value, string Label)[] SortChoices =
    [
        ("CreatedAt-desc", "LinksPage.Sort.NewestFirst"), ("CreatedAt-asc", "LinksPage.Sort.OldestFirst"),
        ("Title-asc", "LinksPage.Sort.TitleAscending"), ("Title-desc", "LinksPage.Sort.TitleDescending"),
        ("Amount-desc", "LinksPage.Sort.HighestAmount"), ("Amount-asc", "LinksPage.Sort.LowestAmount"),
        ("ExpiresAt-asc", "LinksPage.Sort.ExpiringSoonest"), ("Usages-desc", "LinksPage.Sort.MostUsed"),
    ];

    private string SortChoice => $"{Shown.Sort}-{(Shown.Descending ? "desc" : "asc")}";

    private void ChooseSort(string choice)
    {
        var (sort, direction) = (choice.Split('-')[0], choice.Split('-')[^1]);
        Navigation.NavigateTo((Shown with { Sort = LinkListAddress.SortOf(sort), Descending = direction != "asc", Page = 1 }).ToUri(Navigation));
    }

    private SortDirection InitialDirectionOf(LinkSort column) =>
        Shown.Sort != column ? SortDirection.None : Shown.Descending ? SortDirection.Descending : SortDirection.Ascending;
}
