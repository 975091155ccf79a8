namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its account pages, in <c>AccountText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class AccountText;
