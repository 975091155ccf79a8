namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its settings pages (account, branding, payment provider, Stripe, sign-in email, two-factor, notifications), in <c>SettingsText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class SettingsText;
