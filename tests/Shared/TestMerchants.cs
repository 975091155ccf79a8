using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Tests.Shared;

/// <summary>A business and its founder (an Owner with no email, who gets no mail), written straight to the database.</summary>
public static class TestMerchants
{
    public static async Task<MerchantCaller> AddAsync(AppDbContext db, string name, DateTimeOffset now)
    {
        var merchant = new Merchant(Guid.NewGuid(), name, "UTC", now);
        var founder = new ApplicationUser { UserName = $"founder-{merchant.Id:N}", MerchantId = merchant.Id };
        db.Merchants.Add(merchant);
        db.Users.Add(founder);
        db.Memberships.Add(Membership.Founder(merchant.Id, founder.Id, now));
        await db.SaveChangesAsync();
        return new MerchantCaller(merchant.Id, Actor.User(founder.Id), Livemode: false);
    }
}
