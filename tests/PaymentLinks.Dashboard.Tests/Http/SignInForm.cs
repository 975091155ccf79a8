using System.Net;
using System.Text.RegularExpressions;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>The sign-in page as a browser fills it in over HTTP: its hidden fields (antiforgery, form name) kept, email and password added.</summary>
public static partial class SignInForm
{
    /// <param name="send">Sends a request to <c>/account/login</c> the way this browser does (its cookies, its headers).</param>
    public static Task<HttpResponseMessage> SubmitAsync(Func<HttpMethod, HttpContent?, Task<HttpResponseMessage>> send, string email, string password) =>
        SubmitAsync(send, new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Any of the account pages' forms: fetched, its hidden fields kept, <paramref name="typed"/> filled in, posted.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(Func<HttpMethod, HttpContent?, Task<HttpResponseMessage>> send, Dictionary<string, string> typed)
    {
        var page = await (await send(HttpMethod.Get, null)).Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in typed)
            fields[name] = value;
        return await send(HttpMethod.Post, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signed in: the form answers with a redirect to the dashboard.</summary>
    public static bool SignedIn(HttpResponseMessage answer) =>
        answer.StatusCode == HttpStatusCode.Redirect
        && answer.Headers.Location is { } location && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString) == "/";

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
