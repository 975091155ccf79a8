namespace PaymentLinks.Domain.Links;

/// <summary>What can move a link: a merchant's action, or an event (the clock, a completing payment).</summary>
public enum LinkTrigger
{
    Publish,
    Unpublish,
    Disable,
    Enable,
    Archive,
    ExpireNow,
    DeadlinePassed,
    UsageLimitReached,
}

public static class LinkTriggerExtensions
{
    /// <summary>The merchant actions, as opposed to events that only the system raises.</summary>
    public static IReadOnlyList<LinkTrigger> MerchantActions { get; } =
    [
        LinkTrigger.Publish, LinkTrigger.Unpublish, LinkTrigger.Disable,
        LinkTrigger.Enable, LinkTrigger.Archive, LinkTrigger.ExpireNow,
    ];

    public static bool IsMerchantAction(this LinkTrigger trigger) => MerchantActions.Contains(trigger);
}
