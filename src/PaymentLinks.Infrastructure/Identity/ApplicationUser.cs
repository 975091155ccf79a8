using Microsoft.AspNetCore.Identity;

namespace PaymentLinks.Infrastructure.Identity;

/// <summary>A person who signs in to the dashboard on behalf of one merchant.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid MerchantId { get; set; }

    /// <summary>The dashboard's dark theme, remembered for this person on every device.</summary>
    public bool PrefersDarkTheme { get; set; }

    /// <summary>
    /// Whether the dashboard shows this person the merchant's live data; off (test mode) until they switch, so a new
    /// merchant's first link can be paid at once through the sandbox bank.
    /// </summary>
    public bool ViewsLiveMode { get; set; }

    /// <summary>The language this person reads the dashboard in; none to follow their browser's.</summary>
    public string? DashboardLanguage { get; set; }

    /// <summary>Which notifications this person gets by email; each mail carries a one-click way to turn its kind off.</summary>
    public bool MailsNewPayments { get; set; } = true;
    public bool MailsLinkUsedUp { get; set; } = true;
    public bool MailsLinkExpiring { get; set; } = true;
    public bool MailsEndpointFailing { get; set; } = true;
}
