namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>
/// The names of states on the dashboard's badges and filters (links, payments, refunds, API keys, webhook endpoints and
/// deliveries), in <c>StatusText.&lt;language&gt;.resx</c> beside this file. English keeps the API's names the badges
/// always showed; a badge writes them in capitals by style.
/// </summary>
public sealed class StatusText;
