using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>
/// Title search through the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL): a contains-match whatever the
/// case, that follows edits at once, takes quotes and wildcards literally, and never crosses merchants.
/// </summary>
public sealed class LinkSearchTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();
    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_title_is_found_by_any_part_of_it_whatever_the_case_and_after_an_edit_only_by_its_new_words()
    {
        var merchant = await _harness.NewMerchantAsync("Searched Sweets");
        var other = await _harness.NewMerchantAsync("Other Sweets");
        var links = _harness.Links;
        var brulee = (await links.CreateAsync(merchant, ServiceHarness.Settings(title: "Crème Brûlée class"), publish: true)).Value;
        var quoted = (await links.CreateAsync(merchant, ServiceHarness.Settings(title: "The \"100% cocoa\" tasting"), publish: true)).Value;
        await links.CreateAsync(merchant, ServiceHarness.Settings(title: "Macaron workshop"), publish: false);
        await links.CreateAsync(other, ServiceHarness.Settings(title: "Crème Brûlée for others"), publish: true);

        async Task<Guid[]> Found(string term) =>
            (await links.ListAsync(merchant, new LinkQuery { Search = term })).Items.Select(l => l.Id).ToArray();

        Assert.Equal([brulee.Id], await Found("BRÛLÉE"));
        Assert.Equal([brulee.Id], await Found("ème brû"));
        Assert.Equal([quoted.Id], await Found("\"100% cocoa\""));
        Assert.Equal([quoted.Id], await Found("0% c"));
        Assert.Empty(await Found("100 % cocoa"));
        Assert.Equal([brulee.Id], await Found(brulee.PublicId));
        Assert.Equal(1, (await links.ListAsync(merchant, new LinkQuery { Search = "macaron" })).TotalCount);

        var renamed = (await links.EditAsync(merchant, brulee.Id, brulee.Settings with { Title = "Choux pastry class" }, brulee.Version)).Value;

        Assert.Empty(await Found("brûlée"));
        Assert.Equal([renamed.Id], await Found("choux"));
        Assert.Equal([renamed.Id], await Found("cl")); // shorter than a trigram: matched by reading the titles
    }
}
