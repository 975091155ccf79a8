using System.Net;
using System.Text;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary><c>/activity/export</c>: the business's audit log as CSV, filtered like the Activity page.</summary>
public sealed class ActivityExportTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static LinkSettings Settings(string title) => new() { Title = title, Amount = 9m, Currency = "EUR" };

    [Fact]
    public async Task The_csv_has_every_entry_the_filters_name_newest_first_with_who_and_what_changed_and_nothing_of_another_business()
    {
        var (owner, browser) = await _app.SignedInMerchantAsync("logkeeper@example.com");
        var jam = (await _app.Links.CreateAsync(owner, Settings("Plum jam"), publish: false)).Value;
        await _app.Links.CreateAsync(owner, Settings("Plum tart"), publish: false);
        await _app.Links.EditAsync(owner, jam.Id, jam.Settings with { Title = "Plum jam, \"spiced\"" }, jam.Version);
        await _app.Links.ApplyAsync(owner, jam.Id, LinkTrigger.Publish);
        var stranger = await _app.NewMerchantAsync("Stranger Sloes");
        await _app.Links.CreateAsync(stranger, Settings("Not yours"), publish: false);

        var response = await browser.GetAsync($"/activity/export?kind=link&link={jam.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment; filename=\"activity-", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID,When,Who,Acting as,From address,What,Subject ID,Summary,Changes", lines[0]);
        Assert.Equal(["link.published", "link.edited", "link.created"], lines[1..].Select(line => line.Split(',')[5]));
        Assert.All(lines[1..], line => Assert.Contains($",logkeeper@example.com,Member,", line));
        Assert.All(lines[1..], line => Assert.Contains($",{jam.Id},", line));
        Assert.EndsWith("\"{\"\"title\"\":[\"\"Plum jam\"\",\"\"Plum jam, \\u0022spiced\\u0022\"\"]}\"", lines[2]);
        Assert.DoesNotContain("Not yours", string.Join("\n", lines));
        Assert.DoesNotContain("Plum tart", string.Join("\n", lines));
    }

    [Fact]
    public async Task A_member_whose_role_has_no_activity_log_gets_no_file()
    {
        var owner = await _app.NewMerchantAsync("Guarded Gooseberries");
        await _app.Links.CreateAsync(owner, Settings("Gooseberry fool"), publish: false);
        var finance = await _app.SignedInMemberAsync(owner, "books@example.com", MemberRole.Finance);

        var response = await finance.GetAsync("/activity/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/not-allowed", response.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("Gooseberry", await response.Content.ReadAsStringAsync());
    }
}
