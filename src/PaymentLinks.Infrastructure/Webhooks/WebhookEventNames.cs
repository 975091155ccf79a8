namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>The event types an endpoint can choose from, in the order the dashboard lists them, each with what it means.</summary>
public static class WebhookEventNames
{
    /// <summary>Sent on request from the dashboard to one endpoint, whatever it has chosen; never by a change.</summary>
    public const string Test = "webhook.test";

    public const string PaymentCompleted = "payment.completed";
    public const string PaymentFailed = "payment.failed";
    public const string PaymentRefunded = "payment.refunded";
    public const string LinkPublished = "link.published";
    public const string LinkUnpublished = "link.unpublished";
    public const string LinkDisabled = "link.disabled";
    public const string LinkEnabled = "link.enabled";
    public const string LinkExpired = "link.expired";
    public const string LinkUsed = "link.used";
    public const string LinkArchived = "link.archived";

    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        [PaymentCompleted] = "A customer paid",
        [PaymentFailed] = "A payment was declined or abandoned",
        [PaymentRefunded] = "A payment was refunded, in full or in part",
        [LinkPublished] = "A link went live",
        [LinkUnpublished] = "A link went back to draft",
        [LinkDisabled] = "A link was paused",
        [LinkEnabled] = "A paused link was enabled again",
        [LinkExpired] = "A link expired",
        [LinkUsed] = "A link reached its usage limit",
        [LinkArchived] = "A link was archived",
    };

    public static readonly IReadOnlyList<string> All = [.. Meanings.Keys];
}
