using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>Who a message speaks for and how it looks: the merchant (customer mail, in its colour and logo) or the product.</summary>
public sealed record MailVoice(string Name, string Accent, string? LogoUrl, bool Livemode)
{
    public const string ProductAccent = "#4f46e5";

    public static MailVoice Product(bool livemode) => new("PaymentLinks", ProductAccent, null, livemode);
}

/// <summary>A completed payment as its customer's receipt shows it.</summary>
public sealed record ReceiptFacts(
    MailVoice Merchant, string? ContactEmail, string LinkTitle, int Quantity, string UnitAmount, string Amount,
    string? CustomerName, IReadOnlyList<FieldAnswer> Answers, Guid PaymentId, string PaidAt);

public sealed record RefundFacts(
    MailVoice Merchant, string? ContactEmail, string LinkTitle, string RefundAmount, string PaymentAmount, bool FullyRefunded,
    Guid PaymentId, string RefundedAt);

/// <summary>One payment as a merchant's notice lists it, with where to see it in the dashboard.</summary>
public sealed record PaymentLine(string LinkTitle, string Amount, int Quantity, string? CustomerEmail, string? CustomerName, string PaidAt, string Url);

public sealed record NewPaymentFacts(MailVoice Product, string BusinessName, PaymentLine Payment);

public sealed record DigestFacts(MailVoice Product, string BusinessName, string Hour, IReadOnlyList<PaymentLine> Payments, IReadOnlyList<string> Totals, string Url);

public sealed record LinkNoticeFacts(MailVoice Product, string BusinessName, string LinkTitle, string Url, int Usages, int? MaxUsages, string? ExpiresAt);

public sealed record EndpointFacts(MailVoice Product, string BusinessName, string EndpointUrl, string FailingSince, string? LastError, string Url);

/// <summary>Account mail: what happened or what to do, with at most one button.</summary>
public sealed record AccountFacts(MailVoice Product, string Subject, string Title, string Lead, string? ActionLabel, string? ActionUrl, string Note);

/// <summary>What a template made of a message: the subject, the HTML and the plain-text alternative.</summary>
public sealed record ComposedMail(string Subject, string Html, string Text);
