namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for payments: the payments list and its filters, a payment's page, and refunds, in <c>PaymentsText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class PaymentsText;
