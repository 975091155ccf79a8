namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>The event types an endpoint can choose from, in the order the dashboard lists them, each with what it means.</summary>
public static class WebhookEventNames
{
    /// <summary>Sent on request from the dashboard to one endpoint, whatever it has chosen; never by a change.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        ["payment.completed"] = "A customer paid",
        ["payment.failed"] = "A payment was declined or abandoned",
        ["link.published"] = "A link went live",
        ["link.unpublished"] = "A link went back to draft",
        ["link.disabled"] = "A link was paused",
        ["link.enabled"] = "A paused link was enabled again",
        ["link.expired"] = "A link expired",
        ["link.used"] = "A link reached its usage limit",
        ["link.archived"] = "A link was archived",
    };

    public static readonly IReadOnlyList<string> All = [.. Meanings.Keys];
}
