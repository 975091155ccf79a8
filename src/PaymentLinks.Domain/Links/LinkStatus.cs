namespace PaymentLinks.Domain.Links;

public enum LinkStatus
{
    Draft,
    Active,
    Disabled,
    Expired,
    Used,
    Archived,
}

public static class LinkStatusExtensions
{
    /// <summary>Nothing moves a link out of a terminal state, ever.</summary>
    public static bool IsTerminal(this LinkStatus status) =>
        status is LinkStatus.Expired or LinkStatus.Used or LinkStatus.Archived;

    /// <summary>The upper-case name the product shows everywhere: DRAFT, ACTIVE …</summary>
    public static string ToDisplayName(this LinkStatus status) => status.ToString().ToUpperInvariant();

    public static bool TryParseDisplayName(string? text, out LinkStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status);
}
