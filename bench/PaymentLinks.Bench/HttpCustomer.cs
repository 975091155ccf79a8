using System.Net;
using System.Text.RegularExpressions;

namespace PaymentLinks.Bench;

/// <summary>
/// A customer's browser over HTTP, without scripts: its own cookies, every checkout step a person takes (pay page,
/// pay, bank page, approve, receipt), hidden form fields sent back as the page gave them.
/// </summary>
public sealed partial class HttpCustomer(Uri app) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = app };

    /// <summary>Pays <paramref name="publicId"/> once; true when the receipt says it was completed.</summary>
    public async Task<bool> PayAsync(string publicId)
    {
        var payPage = await _http.GetStringAsync($"/pay/{publicId}");
        using var started = await PostFormAsync($"/pay/{publicId}", payPage);
        if (started.StatusCode != HttpStatusCode.SeeOther || started.Headers.Location is not { } bank)
            return false;
        var bankPage = await _http.GetStringAsync(bank);
        using var approved = await PostFormAsync($"{bank}/approve", bankPage);
        if (approved.StatusCode != HttpStatusCode.SeeOther || approved.Headers.Location is not { } receipt)
            return false;
        return (await _http.GetStringAsync(receipt)).Contains("Payment received", StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, string page) =>
        _http.PostAsync(path, new FormUrlEncodedContent(HiddenFields(page)));

    private static Dictionary<string, string> HiddenFields(string page) =>
        HiddenInput().Matches(page).DistinctBy(m => m.Groups["name"].Value).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    public void Dispose() => _http.Dispose();
}
