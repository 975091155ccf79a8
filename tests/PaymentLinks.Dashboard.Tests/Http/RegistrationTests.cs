using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Dashboard.Tests.Http;

/// <summary>A merchant, its first user and their Owner membership are written together, or none of them is.</summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    // Start the app before the parallel sign-ups: the factory builds its host on first use, and eight threads
    // arriving at once could each begin building one.
    public Task InitializeAsync()
    {
        _app.StartServer();
        return Task.CompletedTask;
    }
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_refused_password_or_a_taken_email_leaves_no_merchant_behind()
    {
        Assert.True((await RegisterAsync("first@shop.test", "good-pass-1", "First Shop")).Succeeded);

        var weak = await RegisterAsync("second@shop.test", "short", "Second Shop");
        var taken = await RegisterAsync("first@shop.test", "good-pass-2", "Copycat Shop");

        Assert.Contains(weak.Errors, e => e.Code.StartsWith("Password"));
        Assert.Contains(taken.Errors, e => e.Code == "DuplicateUserName" || e.Code == "DuplicateEmail");
        await using var db = _app.NewContext();
        Assert.Equal(["First Shop"], await db.Merchants.Select(m => m.BusinessName).ToListAsync());
        var user = await db.Users.SingleAsync();
        Assert.Equal((await db.Merchants.SingleAsync()).Id, user.MerchantId);
        var membership = await db.Memberships.SingleAsync();
        Assert.Equal((user.MerchantId, user.Id, MemberRole.Owner), (membership.MerchantId, membership.UserId, membership.Role));
    }

    [Fact]
    public async Task Simultaneous_sign_ups_with_one_email_make_one_merchant_and_tell_the_others_it_is_taken()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => RegisterAsync("rush@shop.test", "good-pass-1", $"Rush Shop {i}"))));

        Assert.Single(attempts, a => a.Succeeded);
        Assert.All(attempts.Where(a => !a.Succeeded), a => Assert.Contains(a.Errors, e => e.Code.StartsWith("Duplicate")));
        await using var db = _app.NewContext();
        var merchant = await db.Merchants.SingleAsync();
        Assert.Equal(merchant.Id, (await db.Users.SingleAsync()).MerchantId);
    }

    // One scope per registration, as one HTTP request would have.
    private async Task<Microsoft.AspNetCore.Identity.IdentityResult> RegisterAsync(string email, string password, string businessName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MerchantAccounts>().RegisterAsync(email, password, businessName);
    }
}
