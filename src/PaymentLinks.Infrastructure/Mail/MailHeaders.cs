namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Text bound for a header (a subject made of a link's title, a merchant's name): control characters, CR and LF above
/// all, become spaces, so nothing typed anywhere can end a header and start another.
/// </summary>
public static class MailHeaders
{
    public static string Clean(string text) =>
        string.Join(' ', new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
