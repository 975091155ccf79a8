using Microsoft.AspNetCore.Identity;

namespace PaymentLinks.Infrastructure.Identity;

/// <summary>A person who signs in to the dashboard on behalf of one merchant.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid MerchantId { get; set; }

    /// <summary>The dashboard's dark theme, remembered for this person on every device.</summary>
    public bool PrefersDarkTheme { get; set; }
}
