namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The words of the payment links pages (list, bulk actions, a link's page, its create / edit form and the actions' notifications), in <c>LinksText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class LinksText;
