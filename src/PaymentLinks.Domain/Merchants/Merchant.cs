using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Domain.Merchants;

/// <summary>The business that owns links; its name is what customers see on the checkout page.</summary>
public sealed class Merchant
{
    public const int BusinessNameMaxLength = 100;
    public const int TimeZoneMaxLength = 64;

    private Merchant() { }

    public Merchant(Guid id, string businessName, string timeZoneId, DateTimeOffset createdAt)
    {
        Id = id;
        BusinessName = businessName;
        TimeZoneId = timeZoneId;
        CreatedAt = createdAt;
        ReturnSecret = ReturnSignature.NewSecret();
    }

    public Guid Id { get; private set; }
    public string BusinessName { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "UTC";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Signs customers' returns to the merchant's redirect URLs (see <see cref="ReturnSignature"/>).</summary>
    public string ReturnSecret { get; private set; } = "";

    /// <summary>A new return secret, for when the old one may have leaked; returns signed with the old one stop verifying.</summary>
    public void RollReturnSecret() => ReturnSecret = ReturnSignature.NewSecret();

    /// <summary>
    /// The language of its checkout pages and customer mail for a customer whose browser names none the checkout speaks
    /// (a culture name, such as "de"); null for English.
    /// </summary>
    public string? CheckoutLanguage { get; private set; }
    public const int CheckoutLanguageMaxLength = CheckoutLanguageNames.MaxLength;

    public void UpdateProfile(string businessName, string timeZoneId, string? checkoutLanguage)
    {
        BusinessName = businessName;
        TimeZoneId = timeZoneId;
        CheckoutLanguage = checkoutLanguage;
    }
}
