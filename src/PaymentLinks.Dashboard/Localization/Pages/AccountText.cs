using System.Globalization;
using System.Resources;

namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The account pages' words (sign-in, two-factor sign-in, registration, password reset and change, email confirmation, invitations), in <c>AccountText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class AccountText
{
    /// <summary>
    /// The account forms' validation messages, for data-annotation attributes (<c>ErrorMessageResourceType</c>), which
    /// cannot be given a localizer: the same resources as <c>IStringLocalizer&lt;AccountText&gt;</c> reads, in the
    /// request's language. The attributes format them with the field's name as {0} and a length's limits as {1} and {2}.
    /// </summary>
    public static class Validation
    {
        private static readonly ResourceManager Resources = new(typeof(AccountText).FullName!, typeof(AccountText).Assembly);

        public static string EmailRequired => Text("Validation.EmailRequired");
        public static string EmailInvalid => Text("Validation.EmailInvalid");
        public static string EmailTooLong => Text("Validation.EmailTooLong");
        public static string PasswordRequired => Text("Validation.PasswordRequired");
        public static string PasswordLength => Text("Validation.PasswordLength");
        public static string CurrentPasswordRequired => Text("Validation.CurrentPasswordRequired");
        public static string NewPasswordRequired => Text("Validation.NewPasswordRequired");
        public static string BusinessNameRequired => Text("Validation.BusinessNameRequired");
        public static string BusinessNameTooLong => Text("Validation.BusinessNameTooLong");
        public static string CodeRequired => Text("Validation.CodeRequired");
        public static string CodeTooLong => Text("Validation.CodeTooLong");

        /// <summary>The business name field's name, for <c>Display(Name)</c>: what a refusal of its text calls it.</summary>
        public static string BusinessName => Text("Register.BusinessName");

        /// <summary>What is wrong with a text (<see cref="Domain.Common.TextRules"/>); {0} is the field's name.</summary>
        public static string PlainText(Domain.Common.TextProblem problem) => Text($"Validation.PlainText.{problem}");

        private static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
    }
}
