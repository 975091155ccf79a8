using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>Every webhook body: which event, when, in which mode, and its data (one of the records below). Serialized in snake_case.</summary>
public sealed record WebhookEnvelope(Guid Id, string Type, DateTimeOffset Created, bool Livemode, object Data);

/// <summary><c>payment.completed</c> and <c>payment.failed</c>: the payment, and its link as the payment left it.</summary>
public sealed record PaymentEventData(PaymentPayload Payment, LinkSnapshot Link);

/// <summary>A payment as events tell of it; <c>status</c> shows refunds (PARTIALLY_REFUNDED, REFUNDED), <c>amount_refunded</c> their sum.</summary>
public sealed record PaymentPayload(
    Guid Id, string Status, decimal Amount, string Currency, int Quantity, decimal UnitAmount, CustomerPayload Customer,
    IReadOnlyList<FieldAnswer> CustomFields, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, decimal AmountRefunded)
{
    public static PaymentPayload Of(PaymentAttempt payment) => new(
        payment.Id, payment.State.ToDisplayName(), payment.Amount, payment.Currency, payment.Quantity,
        payment.Amount / payment.Quantity, new CustomerPayload(payment.CustomerEmail, payment.CustomerName, payment.CustomerPhone),
        payment.Answers, payment.FailureReason, payment.CreatedAt, payment.FinishedAt, payment.RefundedAmount);
}

/// <summary><c>payment.refunded</c>: the refund just made, and its payment with all that has been refunded of it so far.</summary>
public sealed record RefundEventData(RefundPayload Refund, PaymentPayload Payment);

public sealed record RefundPayload(Guid Id, decimal Amount, string Currency, string Reason, string Status, DateTimeOffset CreatedAt)
{
    public static RefundPayload Of(Refund refund) => new(
        refund.Id, refund.Amount, refund.Currency, RefundReasons.NameOf(refund.Reason), refund.Status.ToString().ToUpperInvariant(), refund.CreatedAt);
}

public sealed record CustomerPayload(string? Email, string? Name, string? Phone);

/// <summary><c>link.*</c>: the move, who made it, and the link after it.</summary>
public sealed record LinkEventData(string From, string To, string Actor, LinkSnapshot Link);

/// <summary><c>webhook.test</c>: the endpoint it was sent to.</summary>
public sealed record TestEventData(TestEndpoint Endpoint, string Message);

public sealed record TestEndpoint(Guid Id, string Url);

public sealed record LinkSnapshot(
    Guid Id, string PublicId, string Status, DateTimeOffset StatusChangedAt, string Title, decimal Amount, string Currency,
    int Usages, int MaxUsages, DateTimeOffset? ExpiresAt)
{
    public static LinkSnapshot Of(PaymentLink link) => new(
        link.Id, link.PublicId, link.Status.ToDisplayName(), link.StatusChangedAt, link.Title, link.Amount, link.Currency,
        link.Usages, link.MaxUsages, link.ExpiresAt);
}
