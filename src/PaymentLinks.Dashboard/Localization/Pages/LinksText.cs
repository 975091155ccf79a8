namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its links pages, in <c>LinksText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class LinksText;
