namespace PaymentLinks.Infrastructure.Mail.Templates;

/// <summary>
/// What the mail to a customer says (receipt, refund), in <c>CustomerMailText.resx</c> (English) and one
/// <c>CustomerMailText.{language}.resx</c> per language of the checkout, in the language the customer paid in.
/// </summary>
public sealed class CustomerMailText;
