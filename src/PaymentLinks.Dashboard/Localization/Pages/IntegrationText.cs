namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its team and integration settings: members, API keys, webhooks and the mail delivery log, in <c>IntegrationText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class IntegrationText;
