using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Mail;

/// <summary>A merchant with a user and a link that asks for the customer's email, over a harness whose mail goes to the run's SMTP server.</summary>
internal sealed class MailShop(ServiceHarness harness, MerchantCaller merchant, string ownerEmail, string ownerId)
{
    public ServiceHarness Harness { get; } = harness;
    public MerchantCaller Merchant { get; } = merchant;
    public string OwnerEmail { get; } = ownerEmail;
    public string OwnerId { get; } = ownerId;

    public MailWorker Worker => Harness.Services.GetRequiredService<MailWorker>();
    public MailFanOut FanOut => Harness.Services.GetRequiredService<MailFanOut>();

    public static async Task<MailShop> OpenAsync(ServiceHarness harness, string name = "Mailing Mangoes")
    {
        var merchant = await harness.NewMerchantAsync(name);
        var owner = await AddUserAsync(harness, merchant, MailServer.NewAddress("owner"));
        return new MailShop(harness, merchant, owner.Email!, owner.Id);
    }

    public static async Task<ApplicationUser> AddUserAsync(ServiceHarness harness, MerchantCaller merchant, string email)
    {
        var user = new ApplicationUser { Id = Guid.NewGuid().ToString(), MerchantId = merchant.MerchantId, Email = email, UserName = email };
        await using var db = harness.NewContext();
        db.Users.Add(user);
        db.Memberships.Add(new Membership(merchant.MerchantId, user.Id, MemberRole.Owner, grantedLive: true, harness.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<LinkView> LinkAsync(string title = "Mango crate", int maxUsages = 1000) =>
        (await Harness.Links.CreateAsync(Merchant, ServiceHarness.Settings(maxUsages, title: title) with
        {
            CustomerDetails = new CustomerDetails(DetailMode.Required, DetailMode.Optional, DetailMode.Off),
        }, publish: true)).Value;

    /// <param name="language">The language the customer paid in, as the checkout page passes it.</param>
    public async Task<PaymentView> PayAsync(LinkView link, string email, string? name = null, string? language = null)
    {
        var started = (await Harness.Payments.StartAsync(link.PublicId, answers: new CheckoutAnswers { Email = email, Name = name }, language: language)).Value;
        return (await Harness.Payments.CompleteAsync(started.Id)).Value;
    }

    /// <summary>Rounds of fan-out and sending until nothing is due.</summary>
    public async Task DeliverAsync()
    {
        await FanOut.RunAsync();
        while (await Worker.SendDueAsync() > 0)
        {
        }
    }
}
