using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// A browser over the in-memory app whose cookies the test can read: to copy a sign-in cookie before signing out and
/// replay it afterwards, as someone who took it from a shared computer would.
/// </summary>
public sealed partial class CookieJarBrowser
{
    private readonly HttpClient _http;
    private readonly CookieContainer _jar = new();

    /// <param name="acceptLanguage">The languages this browser asks for, as its Accept-Language header; none if null.</param>
    public CookieJarBrowser(DashboardApp app, string? acceptLanguage = null)
    {
        _http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (acceptLanguage is not null)
            _http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
    }

    /// <summary>The Cookie header this browser sends now.</summary>
    public string Cookies => _jar.GetCookieHeader(_http.BaseAddress!);

    public async Task SignInAsync(string email, string password) =>
        Assert.True(SignInForm.SignedIn(await SignInForm.SubmitAsync((method, content) => SendAsync(method, "/account/login", content), email, password)));

    /// <summary>Signs out with the sign-out form of a dashboard page, as the app bar's button does.</summary>
    public Task<HttpResponseMessage> SignOutAsync(string form = "/account/logout") => PostFormAsync(form);

    /// <summary>Posts one of the app bar's forms (sign out, switch business) with the token a dashboard page gives.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string form, params KeyValuePair<string, string>[] fields)
    {
        var page = await (await SendAsync(HttpMethod.Get, "/settings/account")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(AntiforgeryInput().Match(page).Groups["value"].Value);
        return await SendAsync(HttpMethod.Post, form, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (Cookies is { Length: > 0 } cookies)
            request.Headers.Add("Cookie", cookies);
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set)
                _jar.SetCookies(_http.BaseAddress!, cookie);
        return response;
    }

    /// <summary>A client that sends exactly these cookies on every request, and keeps none it is given.</summary>
    public static HttpClient Replaying(DashboardApp app, string cookies)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        return client;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex AntiforgeryInput();
}
