using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Tests;

/// <summary>Builds links in a chosen state through the aggregate's own methods.</summary>
internal static class Links
{
    public static readonly Actor Merchant = Actor.User("user-1");

    public static LinkSettings Settings(int maxUsages = 10, DateTimeOffset? expiresAt = null) => new()
    {
        Title = "Concert ticket",
        Amount = 25.00m,
        Currency = "EUR",
        MaxUsages = maxUsages,
        ExpiresAt = expiresAt,
        RedirectUrl = "https://shop.example/done",
    };

    public static PaymentLink InState(LinkStatus state, FakeTimeProvider clock, int maxUsages = 10, DateTimeOffset? expiresAt = null)
    {
        var now = clock.GetUtcNow();
        var link = PaymentLink.Create(Guid.NewGuid(), livemode: false, Settings(maxUsages, expiresAt), publish: false, now, Merchant).Value;
        switch (state)
        {
            case LinkStatus.Draft:
                break;
            case LinkStatus.Active:
                Do(link, LinkTrigger.Publish, now);
                break;
            case LinkStatus.Disabled:
                Do(link, LinkTrigger.Publish, now);
                Do(link, LinkTrigger.Disable, now);
                break;
            case LinkStatus.Expired:
                Do(link, LinkTrigger.Publish, now);
                Do(link, LinkTrigger.ExpireNow, now);
                break;
            case LinkStatus.Used:
                Do(link, LinkTrigger.Publish, now);
                while (link.Status == LinkStatus.Active)
                    Assert.True(link.CompletePayment(now, Actor.Payment(Guid.NewGuid())).IsSuccess);
                break;
            case LinkStatus.Archived:
                Do(link, LinkTrigger.Archive, now);
                break;
        }
        Assert.Equal(state, link.Status);
        return link;
    }

    private static void Do(PaymentLink link, LinkTrigger action, DateTimeOffset now) =>
        Assert.True(link.Apply(action, now, Merchant).IsSuccess);
}
