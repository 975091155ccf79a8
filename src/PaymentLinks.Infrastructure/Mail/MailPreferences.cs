using System.Linq.Expressions;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>Which notifications a user wants, one switch per kind on <see cref="ApplicationUser"/>; a digest follows its new-payment switch.</summary>
public static class MailPreferences
{
    public static readonly IReadOnlyList<MailKind> Notifications = [MailKind.NewPayment, MailKind.LinkUsedUp, MailKind.LinkExpiring, MailKind.EndpointFailing];

    /// <summary>Every kind that counts towards a merchant's hourly limit: the notifications and the digest.</summary>
    public static readonly IReadOnlyList<MailKind> NotificationKinds = [.. Notifications, MailKind.NewPaymentDigest];

    public static bool IsNotification(MailKind kind) => NotificationKinds.Contains(kind);

    /// <summary>The roles that may see what a notification is about: payments, links, or the webhook endpoints.</summary>
    public static IReadOnlyList<MemberRole> RolesToTell(MailKind kind)
    {
        var needed = SwitchOf(kind) switch
        {
            MailKind.NewPayment => Permission.ViewPayments,
            MailKind.EndpointFailing => Permission.ManageWebhooks,
            _ => Permission.ViewLinks,
        };
        return Enum.GetValues<MemberRole>().Where(role => RolePermissions.Allows(role, needed)).ToList();
    }

    private static readonly IReadOnlyDictionary<MailKind, Func<ApplicationUser, bool>> Compiled =
        Notifications.ToDictionary(kind => kind, kind => Wanting(kind).Compile());

    public static Expression<Func<ApplicationUser, bool>> Wanting(MailKind kind) => SwitchOf(kind) switch
    {
        MailKind.NewPayment => u => u.MailsNewPayments,
        MailKind.LinkUsedUp => u => u.MailsLinkUsedUp,
        MailKind.LinkExpiring => u => u.MailsLinkExpiring,
        MailKind.EndpointFailing => u => u.MailsEndpointFailing,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notification."),
    };

    public static bool Wants(ApplicationUser user, MailKind kind) => Compiled[SwitchOf(kind)](user);

    public static void Set(ApplicationUser user, MailKind kind, bool on)
    {
        switch (SwitchOf(kind))
        {
            case MailKind.NewPayment: user.MailsNewPayments = on; break;
            case MailKind.LinkUsedUp: user.MailsLinkUsedUp = on; break;
            case MailKind.LinkExpiring: user.MailsLinkExpiring = on; break;
            case MailKind.EndpointFailing: user.MailsEndpointFailing = on; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notification.");
        }
    }

    /// <summary>The switch that turns a kind on and off: its own, or for the digest the new-payment switch.</summary>
    public static MailKind SwitchOf(MailKind kind) => kind == MailKind.NewPaymentDigest ? MailKind.NewPayment : kind;
}
