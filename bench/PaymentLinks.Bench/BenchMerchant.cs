using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Bench;

/// <summary>The merchants the benchmark works as: a fresh one of its own, or the demo merchant (who can sign in).</summary>
public static class BenchMerchant
{
    public const string DemoEmail = "demo@paymentlinks.test";
    public const string DemoPassword = "demo-pass-123";

    public static async Task<MerchantCaller> CreateAsync(BenchServices services, string name)
    {
        var merchant = new Merchant(Guid.NewGuid(), name, "UTC", DateTimeOffset.UtcNow);
        await using var db = services.NewContext();
        db.Merchants.Add(merchant);
        await db.SaveChangesAsync();
        return new MerchantCaller(merchant.Id, Actor.User("benchmark"));
    }

    public static async Task<MerchantCaller> DemoAsync(BenchServices services)
    {
        await using var db = services.NewContext();
        var merchantId = await db.Users.Where(u => u.Email == DemoEmail).Select(u => u.MerchantId).SingleAsync();
        return new MerchantCaller(merchantId, Actor.User("benchmark"));
    }

    public static async Task<LinkView> ActiveLinkAsync(BenchServices services, MerchantCaller merchant, int maxUsages, string title = "Bench loaf") =>
        (await services.Get<PaymentLinkService>().CreateAsync(merchant, new LinkSettings
        {
            Title = title, Amount = 4.20m, Currency = "EUR", MaxUsages = maxUsages,
        }, publish: true)).Value;
}
