namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The words of the person's dashboard-language choice (Account settings).</summary>
public sealed class LanguageChoiceText;
