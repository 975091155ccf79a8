namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its layout pages, in <c>LayoutText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class LayoutText;
