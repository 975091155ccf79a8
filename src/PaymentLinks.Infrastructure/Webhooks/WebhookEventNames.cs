namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>The event types an endpoint can choose from, in the order the dashboard lists them.</summary>
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

    /// <summary>What each means is the dashboard's to say, in its reader's language (IntegrationText's WebhookEvents.Meaning.*).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PaymentCompleted, PaymentFailed, PaymentRefunded,
        LinkPublished, LinkUnpublished, LinkDisabled, LinkEnabled, LinkExpired, LinkUsed, LinkArchived,
    ];
}
