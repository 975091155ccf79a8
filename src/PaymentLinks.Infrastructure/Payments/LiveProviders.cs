using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Payments;

/// <summary>
/// Whether a merchant's live links can take money: only through a payment provider the merchant has connected (Stripe),
/// whose key Stripe still accepts. Until then a live link can be prepared and edited as a draft but never goes ACTIVE;
/// test links pay through the sandbox bank and need nothing.
/// </summary>
public sealed class LiveProviders(Providers.StripeConnections stripe)
{
    /// <summary>The dashboard page that says how live mode takes money.</summary>
    public const string SettingsPath = "settings/payments";

    public const string NotConnectedMessage =
        "A live link takes real money through your payment provider, and none is connected (or Stripe stopped accepting its key): see Payment provider (/settings/payments). Until then the link cannot be published or enabled.";

    public static Refusal NotConnected(LinkStatus from) => new Problem(LinkProblems.NoLiveProvider, NotConnectedMessage).As(RefusalCodes.InvalidTransition) with
    {
        From = from.ToDisplayName(),
        To = LinkStatus.Active.ToDisplayName(),
    };

    public Task<bool> IsConnectedAsync(Guid merchantId, CancellationToken ct = default) => stripe.IsConnectedAsync(merchantId, livemode: true, ct);

    /// <summary>
    /// The refusal for a live link that has just become ACTIVE (from <paramref name="before"/>) while its merchant
    /// has no provider; null when it may go ahead.
    /// </summary>
    public async Task<Refusal?> RefusalForAsync(PaymentLink link, LinkStatus? before, CancellationToken ct) =>
        link is { Livemode: true, Status: LinkStatus.Active } && before != LinkStatus.Active && !await IsConnectedAsync(link.MerchantId, ct)
            ? NotConnected(before ?? LinkStatus.Draft)
            : null;
}
