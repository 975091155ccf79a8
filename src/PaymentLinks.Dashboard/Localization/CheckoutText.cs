namespace PaymentLinks.Dashboard.Localization;

/// <summary>
/// What the customer's pages say (pay page, bank step, receipt, error pages), in <c>CheckoutText.resx</c> (English) and one
/// <c>CheckoutText.{language}.resx</c> per <see cref="Infrastructure.CheckoutLanguages"/> entry, read through <c>IStringLocalizer&lt;CheckoutText&gt;</c>.
/// </summary>
public sealed class CheckoutText;
