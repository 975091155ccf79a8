using MimeKit;

namespace PaymentLinks.Domain.Common;

/// <summary>
/// Which email addresses the product accepts: a bare address (no display name, no group, no comments) that MimeKit's
/// strict parser reads back unchanged, whose domain has a dot. What passes here is an address the mail sender can
/// put in a header as it is; nothing else (a CR or LF above all) ever reaches one.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return false;
        if (!MailboxAddress.TryParse(Strict, address, out var mailbox) || mailbox.Address != address || !string.IsNullOrEmpty(mailbox.Name))
            return false;
        var domain = mailbox.Domain;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && mailbox.LocalPart.Length > 0;
    }
}
