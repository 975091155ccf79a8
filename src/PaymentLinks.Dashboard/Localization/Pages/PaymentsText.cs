namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its payments pages, in <c>PaymentsText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class PaymentsText;
