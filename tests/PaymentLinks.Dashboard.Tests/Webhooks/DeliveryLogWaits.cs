using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Webhooks;

public static class DeliveryLogWaits
{
    /// <summary>The merchant's delivery log once it satisfies the condition, as the dispatcher stored it.</summary>
    public static async Task<IReadOnlyList<WebhookDeliveryView>> WaitForLogAsync(
        this WebhookService webhooks, Guid merchantId, Func<IReadOnlyList<WebhookDeliveryView>, bool> condition, string what)
    {
        IReadOnlyList<WebhookDeliveryView> log = [];
        await Poll.UntilAsync(async () => condition(log = await webhooks.RecentDeliveriesAsync(merchantId)), what);
        return log;
    }

    public static bool AllSucceeded(this IReadOnlyList<WebhookDeliveryView> log, int count) =>
        log.Count == count && log.All(d => d.Status == DeliveryStatus.Succeeded);
}
