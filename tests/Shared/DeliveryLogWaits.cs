using PaymentLinks.Infrastructure.Links;
using Microsoft.Extensions.Time.Testing;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Tests.Shared;

public static class DeliveryLogWaits
{
    /// <summary>
    /// The merchant's delivery log once it satisfies the condition, as the dispatcher stored it. Under a
    /// <paramref name="fakeClock"/>, time moves on by <paramref name="step"/> between looks, as it would while
    /// waiting, so that the dispatcher's timer keeps ticking.
    /// </summary>
    public static async Task<IReadOnlyList<WebhookDeliveryView>> WaitForLogAsync(
        this WebhookService webhooks, MerchantCaller merchant, Func<IReadOnlyList<WebhookDeliveryView>, bool> condition, string what,
        FakeTimeProvider? fakeClock = null, TimeSpan step = default)
    {
        IReadOnlyList<WebhookDeliveryView> log = [];
        await Poll.UntilAsync(async () =>
        {
            fakeClock?.Advance(step);
            return condition(log = await webhooks.RecentDeliveriesAsync(merchant));
        }, what);
        return log;
    }

    public static bool AllSucceeded(this IReadOnlyList<WebhookDeliveryView> log, int count) =>
        log.Count == count && log.All(d => d.Status == DeliveryStatus.Succeeded);
}
