using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>A customer's browser at the HTTP level: its own cookies, reading forms and posting them back.</summary>
public sealed partial class CheckoutCustomer
{
    private readonly HttpClient _http;

    public CheckoutCustomer(DashboardApp app) : this(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })) { }

    /// <summary>Over any client that keeps cookies and does not follow redirects (a real socket, say).</summary>
    public CheckoutCustomer(HttpClient http) => _http = http;

    /// <summary>
    /// Opens the link, pays with <paramref name="answers"/> typed into the form (quantity, email, field_0 …), and
    /// approves at the bank. Returns the final page's status and text.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Html)> PayAsync(string publicId, Dictionary<string, string>? answers = null)
    {
        var page = await _http.GetAsync($"/pay/{publicId}");
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
            return (page.StatusCode, html);

        var bank = await FollowAsync(await PostFormAsync($"/pay/{publicId}", html, changed: answers));
        if (bank.Status != HttpStatusCode.OK || !bank.Html.Contains("Approve payment"))
            return bank;
        var approveAction = FormAction(bank.Html, "approve");
        return await FollowAsync(await PostFormAsync(approveAction, bank.Html));
    }

    /// <summary>Approves at the bank step this customer reached (<see cref="StartAsync"/>); returns the page it ends on.</summary>
    public async Task<(HttpStatusCode Status, string Html)> ApproveAtAsync(string bankAddress)
    {
        var bank = await _http.GetStringAsync(bankAddress);
        return await FollowAsync(await PostFormAsync(FormAction(bank, "approve"), bank));
    }

    /// <summary>Pays and approves, stopping at the first redirect that leaves the checkout: its Location.</summary>
    public async Task<string> PayUntilRedirectAsync(string publicId)
    {
        var html = await _http.GetStringAsync($"/pay/{publicId}");
        var bank = await FollowAsync(await PostFormAsync($"/pay/{publicId}", html));
        var approved = await PostFormAsync(FormAction(bank.Html, "approve"), bank.Html);
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        return approved.Headers.Location!.ToString();
    }

    /// <summary>Opens the link and pays, stopping at the bank step: its address.</summary>
    public async Task<string> StartAsync(string publicId)
    {
        var html = await _http.GetStringAsync($"/pay/{publicId}");
        var started = await PostFormAsync($"/pay/{publicId}", html);
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        return started.Headers.Location!.ToString();
    }

    /// <summary>
    /// What a script can do: open the pay page for genuine hidden fields, then post them to any address,
    /// some fields changed. Returns the page it ends on.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Html)> PostPayFormToAsync(string publicId, string action, Dictionary<string, string>? changed = null)
    {
        var html = await _http.GetStringAsync($"/pay/{publicId}");
        return await FollowAsync(await PostFormAsync($"/pay/{publicId}", html, action, changed));
    }

    /// <summary>Opens the pay page and posts its form with some fields changed; the answer as it comes, redirect or page.</summary>
    public async Task<HttpResponseMessage> PostPayFormAsync(string publicId, Dictionary<string, string> changed) =>
        await PostFormAsync($"/pay/{publicId}", await _http.GetStringAsync($"/pay/{publicId}"), changed: changed);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Posts the page's form with that action, with the hidden fields it holds, as a browser would.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string action, string pageHtml, string? postTo = null, Dictionary<string, string>? changed = null)
    {
        var form = FormTag().Matches(pageHtml).Single(m => m.Groups["action"].Value == action).Groups["body"].Value;
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in changed ?? [])
            fields[name] = value;
        return await _http.PostAsync(postTo ?? action, new FormUrlEncodedContent(fields));
    }

    private async Task<(HttpStatusCode Status, string Html)> FollowAsync(HttpResponseMessage response)
    {
        while (response.StatusCode == HttpStatusCode.SeeOther)
            response = await _http.GetAsync(response.Headers.Location);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string FormAction(string html, string ending) =>
        FormTag().Matches(html).Select(m => m.Groups["action"].Value).Single(a => a.EndsWith(ending));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();
}
