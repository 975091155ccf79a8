using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Infrastructure.Mail;

namespace PaymentLinks.Dashboard.Localization;

public static class NotificationNames
{
    /// <summary>
    /// A notification's name in the page's language, as its switch in the account settings calls it (the digest is
    /// switched with new payments): the settings, the mail log and the unsubscribe page name it the same.
    /// </summary>
    public static string NotificationName(this IStringLocalizer<SettingsText> text, MailKind kind) =>
        text[$"Notifications.Kind.{MailPreferences.SwitchOf(kind)}"];
}
