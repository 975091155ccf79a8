using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>
/// A wrong password for an unknown email costs the server the same hashing as for a merchant's email, so the time
/// of the answer does not say which emails have accounts. (Counted, not timed: a timed test would be flaky.)
/// </summary>
public sealed class EvenSignInTests : IAsyncLifetime
{
    private readonly CountingHasher _hasher = new();
    private readonly DashboardApp _app;

    public EvenSignInTests() => _app = new(services: services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(_hasher));

    private HttpClient _browser = default!;

    public async Task InitializeAsync()
    {
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = _app.ServeOnRealSocket() };
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync("known@even.test", "known-pass-1", "Known")).Succeeded);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_email_checks_a_password_hash_just_as_a_known_one_does()
    {
        var counts = new List<int>();
        foreach (var email in new[] { "known@even.test", "nobody@even.test" })
        {
            var before = _hasher.Verifications;
            var answer = await SignInForm.SubmitAsync((method, content) => _browser.SendAsync(new HttpRequestMessage(method, "/account/login") { Content = content }),
                email, "wrong-pass-1");
            Assert.Contains("Email or password is not right.", await answer.Content.ReadAsStringAsync());
            counts.Add(_hasher.Verifications - before);
        }

        Assert.Equal([1, 1], counts);
    }

    [Fact]
    public async Task A_refused_password_and_a_sign_in_are_in_the_businesss_activity_with_the_address_and_an_unknown_email_writes_nothing()
    {
        foreach (var (email, password) in new[] { ("known@even.test", "wrong-pass-1"), ("nobody@even.test", "wrong-pass-1"), ("known@even.test", "known-pass-1") })
            await SignInForm.SubmitAsync((method, content) => _browser.SendAsync(new HttpRequestMessage(method, "/account/login") { Content = content }),
                email, password);

        await using var db = _app.NewContext();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).Where(e => e.Kind.StartsWith("account.")).ToListAsync();
        Assert.Equal(["account.sign_in_failed", "account.signed_in"], entries.Select(e => e.Kind));
        Assert.All(entries, entry => Assert.Equal(("known@even.test", "127.0.0.1"), (entry.ActorLabel, entry.Address)));
        Assert.Equal("A sign-in was refused: wrong password.", entries[0].Summary);
    }

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _real = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
