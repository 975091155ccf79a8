using System.Net;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// However a limited path is spelt (a trailing slash, other letter case, a doubled slash, an escaped slash, a
/// parameter), every request the app takes as a sign-in or a registration counts against the one limit, over a real
/// socket; a spelling the app does not take is a 404 or 405 that did nothing.
/// </summary>
public sealed class RateLimitSpellingTests : IAsyncLifetime
{
    private const int Permits = 3;

    private readonly DashboardApp _app = new(new Dictionary<string, string>
    {
        ["RateLimits:SignIn:PermitLimit"] = Permits.ToString(),
        ["RateLimits:Register:PermitLimit"] = Permits.ToString(),
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static IEnumerable<string> Spellings(string path) =>
        [path, path + "/", path.ToUpperInvariant(), "/" + path, path.Replace("/account/", "/account%2F"), path + ";x", path + "/;x"];

    [Theory]
    [InlineData("/account/login", "/account/login-2fa", "/account/forgot-password", "/account/reset-password")]
    [InlineData("/account/register")]
    public async Task No_spelling_of_a_limited_form_gets_past_its_limit(params string[] forms)
    {
        var server = _app.ServeOnRealSocket().GetLeftPart(UriPartial.Authority);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var taken = new List<string>();
        foreach (var path in forms.SelectMany(Spellings))
        {
            using var answer = await client.PostAsync(new Uri(server + path), new FormUrlEncodedContent([new("Input.Email", "guess@spelling.test"), new("Input.Password", "guess-1234")]));
            Assert.True((int)answer.StatusCode < 500, $"{path} answered {(int)answer.StatusCode}");
            if (answer.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.TooManyRequests))
                taken.Add($"{path} → {(int)answer.StatusCode}");
        }

        Assert.True(taken.Count <= Permits, $"{taken.Count} posts were taken past a limit of {Permits}: {string.Join(", ", taken)}");
    }
}
