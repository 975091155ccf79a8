namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The dashboard's words for its frame and shared parts (top bar, menu, overview, activity log, error, not-found and unsubscribe pages, confirm/copy/secret/date-filter components), in <c>LayoutText.&lt;language&gt;.resx</c> beside this file.</summary>
public sealed class LayoutText;
