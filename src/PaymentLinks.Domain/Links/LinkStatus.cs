using PaymentLinks.Domain.Common;

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

    /// <summary>The states a deadline ends: a published link, taking payments or not. The one list of them.</summary>
    public static IReadOnlyList<LinkStatus> Expiring { get; } = [LinkStatus.Active, LinkStatus.Disabled];

    public static bool CanExpire(this LinkStatus status) => Expiring.Contains(status);

    /// <summary>The upper-case name the product shows everywhere: DRAFT, ACTIVE …</summary>
    public static string ToDisplayName(this LinkStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>
    /// The one reader of a status's name, for the API, the dashboard's address and the checkout: a name, in any case,
    /// and nothing else (no numbers, no lists, no spaces).
    /// </summary>
    public static bool TryParseDisplayName(string? text, out LinkStatus status) => EnumNames.TryParse(text, out status);
}
