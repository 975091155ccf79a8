namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>The words of "in 3 days" and "5 minutes ago" (<see cref="Time.RelativeTime"/>), each count in each plural form its language has.</summary>
public sealed class RelativeTimeText;
