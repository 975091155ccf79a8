namespace PaymentLinks.Domain.Links;

/// <summary>
/// The lifecycle table of PRODUCT.md, the only place that says which moves exist.
/// Conditions that depend on the link (an expiry in the past, the usage count) are checked by
/// <see cref="PaymentLink"/>; this table only answers "is there such an arrow".
/// </summary>
public static class LinkLifecycle
{
    private static readonly Dictionary<(LinkStatus From, LinkTrigger Trigger), LinkStatus> Moves = new()
    {
        [(LinkStatus.Draft, LinkTrigger.Publish)] = LinkStatus.Active,
        [(LinkStatus.Active, LinkTrigger.Unpublish)] = LinkStatus.Draft,
        [(LinkStatus.Disabled, LinkTrigger.Unpublish)] = LinkStatus.Draft,
        [(LinkStatus.Active, LinkTrigger.Disable)] = LinkStatus.Disabled,
        [(LinkStatus.Disabled, LinkTrigger.Enable)] = LinkStatus.Active,
        [(LinkStatus.Active, LinkTrigger.DeadlinePassed)] = LinkStatus.Expired,
        [(LinkStatus.Disabled, LinkTrigger.DeadlinePassed)] = LinkStatus.Expired,
        [(LinkStatus.Active, LinkTrigger.ExpireNow)] = LinkStatus.Expired,
        [(LinkStatus.Disabled, LinkTrigger.ExpireNow)] = LinkStatus.Expired,
        [(LinkStatus.Active, LinkTrigger.UsageLimitReached)] = LinkStatus.Used,
        [(LinkStatus.Draft, LinkTrigger.Archive)] = LinkStatus.Archived,
        [(LinkStatus.Active, LinkTrigger.Archive)] = LinkStatus.Archived,
        [(LinkStatus.Disabled, LinkTrigger.Archive)] = LinkStatus.Archived,
    };

    /// <summary>The state a merchant action asks for; asking for the current one is a no-op.</summary>
    public static LinkStatus TargetOf(LinkTrigger action) => action switch
    {
        LinkTrigger.Publish or LinkTrigger.Enable => LinkStatus.Active,
        LinkTrigger.Unpublish => LinkStatus.Draft,
        LinkTrigger.Disable => LinkStatus.Disabled,
        LinkTrigger.Archive => LinkStatus.Archived,
        LinkTrigger.ExpireNow or LinkTrigger.DeadlinePassed => LinkStatus.Expired,
        LinkTrigger.UsageLimitReached => LinkStatus.Used,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static bool TryMove(LinkStatus from, LinkTrigger trigger, out LinkStatus to) =>
        Moves.TryGetValue((from, trigger), out to);

    /// <summary>The merchant actions the table offers from a state (what a dashboard may show).</summary>
    public static IReadOnlyList<LinkTrigger> ActionsFrom(LinkStatus from) =>
        LinkTriggerExtensions.MerchantActions.Where(action => Moves.ContainsKey((from, action))).ToList();
}
